// The dyad's time series (GET /api/series): events per period as diverging
// stacked bars — cooperation above the axis, conflict (hatched) below — and
// the Goldstein mean as a line on its own axis (−10 … +10). Dragging across
// the chart (a d3 brush) zooms the period.
import { select } from "d3-selection";
import { scaleBand, scaleLinear } from "d3-scale";
import { axisBottom, axisLeft, axisRight } from "d3-axis";
import { line } from "d3-shape";
import { brushX } from "d3-brush";
import { max } from "d3-array";
import { quadClasses } from "./palette.js";
import { addHatch, drawLegend, chartWidth } from "./svg.js";
import { periodEnd } from "./dates.js";

function formatNumber(value, digits = 2) {
  return value === null || value === undefined ? "–" : Number(value).toFixed(digits);
}

export function renderSeries(container, series, { onZoom } = {}) {
  const root = select(container);
  root.selectAll("*").remove();
  const points = series.points || [];
  if (points.length === 0) {
    root.append("p").attr("class", "empty").text("No events in this period.");
    return;
  }
  const width = chartWidth(container);
  const narrow = width < 520;
  const margin = { top: 8, right: 40, bottom: 42, left: 40 };
  const plotHeight = narrow ? 180 : 220;

  const svg = root.append("svg")
    .attr("class", "chart series")
    .attr("width", width)
    .attr("role", "img")
    .attr("data-periods", points.length)
    .attr("aria-label", `Events per ${series.by} for ${series.actor}${series.other ? `–${series.other}` : ""}: ` +
      `${points.length} periods from ${points[0].period} to ${points.at(-1).period}`);
  const defs = svg.append("defs");
  const fills = quadClasses.map((quad) =>
    quad.conflict ? addHatch(defs, `series-hatch-${quad.key}`, quad.colour, "dense") : quad.colour);

  const legend = svg.append("g").attr("class", "legend").attr("transform", `translate(${margin.left},4)`);
  const legendItems = quadClasses.map((quad, index) => ({
    label: `${quad.label}${quad.conflict ? " (below)" : " (above)"}`, fill: fills[index],
  }));
  legendItems.push({ label: "Goldstein mean", line: true, dot: true, stroke: "#000" });
  const legendHeight = drawLegend(legend, legendItems, width - margin.left - margin.right);
  margin.top += legendHeight + 6;

  const height = margin.top + plotHeight + margin.bottom;
  svg.attr("height", height).attr("viewBox", `0 0 ${width} ${height}`);
  const innerWidth = width - margin.left - margin.right;
  const plot = svg.append("g").attr("transform", `translate(${margin.left},${margin.top})`);

  const x = scaleBand().domain(points.map((p) => p.period)).range([0, innerWidth]).padding(0.15);
  const up = (p) => p.verbal_cooperation + p.material_cooperation;
  const down = (p) => p.verbal_conflict + p.material_conflict;
  const extent = Math.max(1, max(points, (p) => Math.max(up(p), down(p))));
  const y = scaleLinear().domain([-extent, extent]).nice().range([plotHeight, 0]);
  const goldstein = scaleLinear().domain([-10, 10]).range([plotHeight, 0]);

  // Axes: counts on the left (conflict counted downwards), Goldstein on the right.
  const every = Math.max(1, Math.ceil(points.length / Math.max(1, innerWidth / 64)));
  plot.append("g").attr("class", "axis x").attr("transform", `translate(0,${plotHeight})`)
    .call(axisBottom(x).tickValues(x.domain().filter((_, i) => i % every === 0)).tickSizeOuter(0))
    .selectAll("text").attr("transform", "rotate(-30)").attr("text-anchor", "end")
    .attr("dx", "-0.4em").attr("dy", "0.6em");
  plot.append("g").attr("class", "axis y")
    .call(axisLeft(y).ticks(narrow ? 4 : 6).tickFormat((v) => String(Math.abs(v))));
  plot.append("g").attr("class", "axis goldstein").attr("transform", `translate(${innerWidth},0)`)
    .call(axisRight(goldstein).tickValues([-10, -5, 0, 5, 10]));
  plot.append("text").attr("x", -margin.left + 2).attr("y", -4).attr("font-size", 11).attr("fill", "#5a5a5a")
    .text("events");
  plot.append("text").attr("x", innerWidth + margin.right - 2).attr("y", -4).attr("font-size", 11)
    .attr("text-anchor", "end").attr("fill", "#5a5a5a").text("Goldstein");

  // Bars, one group per period.
  const groups = plot.append("g").attr("class", "bars").selectAll("g").data(points).join("g")
    .attr("class", "period")
    .attr("data-period", (p) => p.period)
    .attr("transform", (p) => `translate(${x(p.period)},0)`);
  groups.append("title").text((p) =>
    `${p.period}: ${p.events} event${p.events === 1 ? "" : "s"}, ${p.mentions} mentions\n` +
    quadClasses.map((quad) => `${quad.label}: ${p[quad.key]}`).join("\n") +
    `\nGoldstein mean ${formatNumber(p.events ? p.goldstein_mean : null)}`);
  groups.each(function drawStack(p) {
    const group = select(this);
    let top = 0;
    let bottom = 0;
    quadClasses.forEach((quad, index) => {
      const count = p[quad.key] || 0;
      if (count === 0) return;
      const [from, to] = quad.conflict ? [bottom, bottom - count] : [top, top + count];
      if (quad.conflict) bottom = to;
      else top = to;
      group.append("rect")
        .attr("class", `quad q${index + 1}`)
        .attr("x", 0).attr("width", x.bandwidth())
        .attr("y", y(Math.max(from, to))).attr("height", Math.abs(y(from) - y(to)))
        .attr("fill", fills[index]).attr("stroke", quad.colour).attr("stroke-width", 0.5);
    });
  });
  plot.append("line").attr("x1", 0).attr("x2", innerWidth).attr("y1", y(0)).attr("y2", y(0))
    .attr("stroke", "#1b1b1b").attr("stroke-width", 1);

  // Goldstein mean, with gaps where a period has no events.
  const centre = (p) => x(p.period) + x.bandwidth() / 2;
  const withEvents = (p) => p.events > 0 && p.goldstein_mean !== null && p.goldstein_mean !== undefined;
  plot.append("path").attr("class", "goldstein-line")
    .attr("fill", "none").attr("stroke", "#000").attr("stroke-width", 1.5)
    .attr("d", line().defined(withEvents).x(centre).y((p) => goldstein(p.goldstein_mean))(points));
  plot.append("g").attr("class", "goldstein-points").selectAll("circle")
    .data(points.filter(withEvents)).join("circle")
    .attr("cx", centre).attr("cy", (p) => goldstein(p.goldstein_mean)).attr("r", 2.5)
    .attr("fill", "#000");

  // The brush: drag across periods to zoom the dashboard's period to them.
  if (onZoom) {
    const brush = brushX().extent([[0, 0], [innerWidth, plotHeight]]).on("end", (event) => {
      if (!event.selection || !event.sourceEvent) return;
      const [left, right] = event.selection;
      const chosen = points.filter((p) => {
        const middle = centre(p);
        return middle >= left && middle <= right;
      });
      if (chosen.length === 0) {
        plot.select(".brush").call(brush.move, null);
        return;
      }
      onZoom(chosen[0].start, periodEnd(chosen.at(-1).start, series.by));
    });
    plot.append("g").attr("class", "brush").call(brush);
  }

  // The same numbers as a table, for screen readers and for copying.
  const details = root.append("details").attr("class", "data-table");
  details.append("summary").text("Series as a table");
  const wrap = details.append("div").attr("class", "table-wrap");
  const table = wrap.append("table").attr("class", "compact");
  table.append("thead").append("tr").selectAll("th")
    .data(["Period", "Start", "Events", "Mentions", ...quadClasses.map((q) => q.label), "Goldstein mean"])
    .join("th").attr("scope", "col").text((d) => d);
  table.append("tbody").selectAll("tr").data(points).join("tr").selectAll("td")
    .data((p) => [p.period, p.start, p.events, p.mentions, ...quadClasses.map((q) => p[q.key]),
      p.events ? formatNumber(p.goldstein_mean) : "–"])
    .join("td").text((d) => d);
}
