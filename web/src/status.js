// The relation-status timeline (GET /api/status): each change holds until the
// next one, so it is drawn as a band from its date to the next change (or to
// the end of the period), coloured and hatched by status and labelled with
// its words, with the list of changes and their evidence below.
import { select } from "d3-selection";
import { scaleUtc } from "d3-scale";
import { axisBottom } from "d3-axis";
import { statusStyle } from "./palette.js";
import { addHatch, drawLegend, chartWidth } from "./svg.js";
import { parseDate, addDays, formatWithPrecision } from "./dates.js";

// `range`: [first, last] dates ("YYYY-MM-DD") the timeline spans.
export function renderStatus(container, listElement, answer, range, { onEvent } = {}) {
  const root = select(container);
  root.selectAll("*").remove();
  const list = select(listElement);
  list.selectAll("*").remove();
  const changes = answer.changes || [];
  if (changes.length === 0) {
    root.append("p").attr("class", "empty")
      .text(`No change of diplomatic relations between ${answer.a} and ${answer.b} is recorded in this period.`);
    return;
  }

  const first = [range[0], changes[0].date].filter(Boolean).sort()[0];
  const last = [range[1], changes.at(-1).date].filter(Boolean).sort().at(-1);
  const end = addDays(last, 1);
  const width = chartWidth(container);
  const margin = { top: 4, right: 16, bottom: 28, left: 16 };
  const bandHeight = 34;
  const innerWidth = width - margin.left - margin.right;
  const x = scaleUtc().domain([parseDate(first), parseDate(end)]).range([0, innerWidth]);

  const svg = root.append("svg").attr("class", "chart status").attr("width", width)
    .attr("role", "img")
    .attr("aria-label", answer.summary || `Relation status of ${answer.a} and ${answer.b}`);
  const defs = svg.append("defs");
  const used = [...new Set(changes.map((change) => change.status))];
  const fillFor = new Map(used.map((status, index) => {
    const style = statusStyle(status);
    return [status, style.hatch ? addHatch(defs, `status-hatch-${index}`, style.colour, style.hatch) : style.colour];
  }));
  const legend = svg.append("g").attr("transform", `translate(${margin.left},4)`);
  const legendHeight = drawLegend(legend,
    used.map((status) => ({ label: status, fill: fillFor.get(status), stroke: "#1b1b1b" })), innerWidth);
  margin.top += legendHeight + 4;
  const height = margin.top + bandHeight + margin.bottom;
  svg.attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);

  const plot = svg.append("g").attr("transform", `translate(${margin.left},${margin.top})`);
  plot.append("rect").attr("width", innerWidth).attr("height", bandHeight)
    .attr("fill", "#f1f1ee").attr("stroke", "#d8d8d2");
  const bands = changes.map((change, index) => ({
    ...change,
    until: index + 1 < changes.length ? changes[index + 1].date : null,
  }));
  const group = plot.selectAll("g.change").data(bands).join("g").attr("class", "change");
  group.append("rect")
    .attr("class", "band")
    .attr("data-status", (band) => band.status)
    .attr("data-date", (band) => band.date)
    .attr("x", (band) => x(parseDate(band.date)))
    .attr("width", (band) => Math.max(2, x(parseDate(band.until || end)) - x(parseDate(band.date))))
    .attr("height", bandHeight)
    .attr("fill", (band) => fillFor.get(band.status))
    .attr("stroke", "#1b1b1b").attr("stroke-width", 0.75)
    .append("title")
    .text((band) => `${band.status} from ${formatWithPrecision(band.date, band.date_precision)}` +
      `${band.until ? ` until ${band.until}` : ""}` +
      ` (${band.source} → ${band.target}, ${band.reports} report${band.reports === 1 ? "" : "s"})`);
  // A word on each band wide enough to hold it, on a white backing for contrast.
  group.each(function label(band) {
    const left = x(parseDate(band.date));
    const right = x(parseDate(band.until || end));
    const dated = `${band.status} since ${formatWithPrecision(band.date, band.date_precision)}`;
    const room = right - left - 10;
    const text = room >= dated.length * 6.6 ? dated : band.status;
    if (room < text.length * 6.6) return;
    const g = select(this);
    g.append("rect").attr("x", left + 4).attr("y", bandHeight / 2 - 8)
      .attr("width", text.length * 6.4 + 8).attr("height", 16).attr("rx", 2)
      .attr("fill", "white").attr("fill-opacity", 0.85);
    g.append("text").attr("class", "band-label").attr("x", left + 8).attr("y", bandHeight / 2 + 4)
      .attr("font-size", 11).attr("fill", "#1b1b1b").text(text);
  });
  // Years alone over long spans, months only where they help.
  const axis = axisBottom(x).ticks(Math.max(2, Math.floor(innerWidth / 90))).tickSizeOuter(0);
  const spanYears = (parseDate(end) - parseDate(first)) / (365.25 * 86400000);
  if (spanYears >= 3) {
    const januaries = x.ticks(Math.max(2, Math.floor(innerWidth / 60)))
      .filter((tick) => tick.getUTCMonth() === 0 && tick.getUTCDate() === 1);
    axis.tickValues(januaries).tickFormat((tick) => String(tick.getUTCFullYear()));
  }
  plot.append("g").attr("class", "axis x").attr("transform", `translate(0,${bandHeight})`).call(axis);

  // The changes in words, with their dates and evidence.
  for (const band of bands) {
    const item = list.append("li").attr("data-status", band.status);
    const style = statusStyle(band.status);
    item.append("span").attr("class", "swatch").style("background", style.colour)
      .classed("hatched", Boolean(style.hatch)).attr("aria-hidden", "true");
    item.append("time").attr("datetime", band.date)
      .text(formatWithPrecision(band.date, band.date_precision));
    item.append("strong").text(` ${band.status}`);
    item.append("span").text(` — ${band.source} → ${band.target}, CAMEO ${band.code}, ` +
      `${band.reports} report${band.reports === 1 ? "" : "s"}`);
    if (onEvent && band.event_id) {
      item.append("button").attr("type", "button").attr("class", "link")
        .attr("aria-label", `Evidence of ${band.status} on ${band.date}`)
        .text("evidence").on("click", () => onEvent(band.event_id));
    }
    if (band.text) item.append("q").text(band.text);
  }
}
