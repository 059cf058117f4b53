// The dashboard: reads the page state from the URL's hash, loads what the
// visible view needs from dyad's API, and turns every user action into a new
// hash, so that a link (or the back button) reproduces any view.
import { getJson, Latest, isAbort, apiUrl } from "./api.js";
import { parseState, formatState, eventParams, seriesParams, networkParams, panelKey } from "./state.js";
import { ActorPicker, describeMatch, queryCode } from "./picker.js";
import { renderSeries } from "./series.js";
import { renderStatus } from "./status.js";
import { renderNetwork, edgeLabel, undirectedPairs } from "./network.js";
import { renderEventRows, renderSortHeaders, nextSort } from "./events.js";
import { renderEvidence } from "./evidence.js";
import { wireChartDownloads } from "./download.js";
import { setUpCodeBox } from "./codebox.js";
import { periodEnd } from "./dates.js";

const pageSize = 25;
const $ = (id) => document.getElementById(id);

let state = parseState(location.hash);
const loaded = { series: null, status: null, events: null, network: null, evidence: null, busiest: null };
const data = { series: null, status: null, network: null };
const requests = { series: new Latest(), status: new Latest(), events: new Latest(), network: new Latest() };
let focusEvidence = false;
let hasStore = true;  // false: `dyad serve` without --db

const pickerA = new ActorPicker($("actor-a"), $("actor-a-list"), $("actor-a-note"));
const pickerB = new ActorPicker($("actor-b"), $("actor-b-list"), $("actor-b-note"));

// ---- navigation ----------------------------------------------------------

function navigate(patch) {
  const next = { ...state, ...patch };
  const hash = formatState(next);
  if (`#${hash}` === location.hash || (hash === "" && location.hash === "")) {
    apply(next);
    return;
  }
  location.hash = hash;  // the hashchange listener applies it
}

function dyadLabel(s = state) {
  if (!s.a) return "";
  if (!s.b) return s.dir === "ab" ? `${s.a} → everyone` : `${s.a} with everyone`;
  return s.dir === "ab" ? `${s.a} → ${s.b}` : `${s.a}–${s.b}`;
}

function periodLabel(s = state) {
  if (!s.from && !s.to) return "whole period";
  return `${s.from || "…"} to ${s.to || "…"}`;
}

// Fields follow the state where the state changed, so a choice that applies
// at once (the granularity, say) keeps dates typed but not yet shown.
function syncForm(s, previous) {
  const changed = (name) => !previous || previous[name] !== s[name];
  for (const [picker, name, field] of [[pickerA, "a", "actor-a"], [pickerB, "b", "actor-b"]]) {
    if (!changed(name)) continue;
    if (document.activeElement !== $(field)) picker.value = s[name];
    describeActor(picker, s[name]);
  }
  if (changed("dir")) $("direction").value = s.dir;
  if (changed("from")) $("from").value = s.from;
  if (changed("to")) $("to").value = s.to;
  if (changed("by")) $("by").value = s.by;
  if (changed("hist")) $("historical").value = s.hist;
  if (changed("min")) $("min-events").value = String(s.min);
  for (const button of document.querySelectorAll("nav.views button")) {
    button.setAttribute("aria-pressed", String(button.dataset.view === s.view));
  }
}

let applied = null;  // the state the page shows

function apply(next) {
  state = next;
  syncForm(state, applied);
  applied = state;
  for (const view of ["dyad", "network", "code"]) $(`view-${view}`).hidden = state.view !== view;
  $("selection").hidden = state.view === "code";  // the picker has nothing to do with a pasted text
  document.title = state.a ? `dyad — ${dyadLabel()}, ${periodLabel()}` : "dyad — who did what to whom, when";
  if (state.view === "dyad") showDyad();
  if (state.view === "network") loadNetwork();
}

// ---- the dyad view ---------------------------------------------------------

function showDyad() {
  const intro = $("dyad-intro");
  const panels = $("dyad-panels");
  if (!state.a) {
    intro.hidden = false;
    panels.hidden = true;
    $("dyad-title").textContent = "Pick a dyad";
    $("dyad-error").textContent = "";
    loadBusiest();
    return;
  }
  intro.hidden = true;
  panels.hidden = false;
  $("dyad-title").textContent = `${dyadLabel()}, ${periodLabel()}`;
  if (data.series && dyadDrawnAt !== window.innerWidth) {
    drawSeries();
    drawStatus();
  }
  loadSeriesAndStatus();
  loadEvents();
  loadEvidenceIfChanged();
}

function showError(error) {
  if (isAbort(error)) return;
  $("dyad-error").textContent = error.message;
}

async function loadSeriesAndStatus() {
  const sParams = seriesParams(state);
  const stParams = state.b ? { a: state.a, b: state.b, from: state.from, to: state.to } : null;
  const key = panelKey([sParams, stParams]);
  if (loaded.series === key) return;
  loaded.series = key;
  const seriesBox = $("series-chart");
  seriesBox.setAttribute("aria-busy", "true");
  $("series-title").textContent = `Events per ${state.by}, ${dyadLabel()}`;
  $("dyad-error").textContent = "";
  try {
    const [series, status] = await Promise.all([
      requests.series.get("series", sParams),
      stParams ? requests.status.get("status", stParams) : Promise.resolve(null),
    ]);
    data.series = series;
    data.status = status;
    drawSeries();
    drawStatus();
  } catch (error) {
    if (isAbort(error)) return;
    loaded.series = null;
    data.series = null;
    data.status = null;
    seriesBox.replaceChildren();
    $("status-chart").replaceChildren();
    $("status-list").replaceChildren();
    $("status-summary").textContent = "";
    showError(error);
  } finally {
    if (loaded.series === key || loaded.series === null) seriesBox.setAttribute("aria-busy", "false");
  }
}

// The window width the dyad view's charts were drawn for: a hidden view is
// not redrawn on resize, so it is when it shows again.
let dyadDrawnAt = 0;

function drawSeries() {
  if (!data.series) return;
  dyadDrawnAt = window.innerWidth;
  renderSeries($("series-chart"), data.series, {
    onZoom: (from, to) => navigate({ from, to, page: 0 }),
  });
}

function seriesRange() {
  const points = data.series?.points || [];
  const first = state.from || points[0]?.start || "";
  const last = state.to || (points.length ? periodEnd(points.at(-1).start, data.series.by) : "");
  return [first, last];
}

function drawStatus() {
  const panel = $("status-panel");
  if (!state.b || !data.status) {
    $("status-summary").textContent = "Pick a second actor to see the state of their diplomatic relations.";
    $("status-chart").replaceChildren();
    $("status-list").replaceChildren();
    panel.dataset.changes = "0";
    return;
  }
  const status = data.status;
  $("status-summary").textContent = status.summary || "";
  panel.dataset.changes = String((status.changes || []).length);
  renderStatus($("status-chart"), $("status-list"), status, seriesRange(), {
    onEvent: (id) => {
      focusEvidence = true;
      navigate({ event: id });
    },
  });
}

async function loadEvents() {
  const params = { ...eventParams(state), limit: pageSize, offset: state.page * pageSize };
  const key = panelKey(params);
  if (loaded.events === key) {
    markSelectedRow();
    return;
  }
  loaded.events = key;
  const table = $("events-table");
  renderSortHeaders(table, state.sort, state.desc);
  const csv = $("events-csv");
  csv.href = apiUrl("events", { ...eventParams(state), limit: 1000, format: "csv" }, { withToken: true });
  csv.download = `dyad-events-${[state.a, state.b].filter(Boolean).join("-")}.csv`;
  table.setAttribute("aria-busy", "true");
  try {
    const answer = await requests.events.get("events", params);
    renderEventRows(table.querySelector("tbody"), answer.events || [], state.event);
    const total = answer.total ?? 0;
    const first = total === 0 ? 0 : answer.offset + 1;
    const last = answer.offset + (answer.events || []).length;
    $("events-total").textContent = `${total} event${total === 1 ? "" : "s"} · ${dyadLabel()} · ${periodLabel()}` +
      (state.hist === "no" ? " · without historical references" : state.hist === "yes" ? " · historical references only" : "");
    $("events-total").dataset.total = String(total);
    $("page-info").textContent = total === 0 ? "no events" : `${first}–${last} of ${total}`;
    $("page-prev").disabled = state.page === 0;
    $("page-next").disabled = last >= total;
    csv.textContent = total > 1000 ? "Download CSV (first 1000)" : "Download CSV";
  } catch (error) {
    if (isAbort(error)) return;
    loaded.events = null;
    table.querySelector("tbody").replaceChildren();
    $("events-total").textContent = "";
    $("page-info").textContent = "";
    showError(error);
  } finally {
    if (loaded.events === key || loaded.events === null) table.setAttribute("aria-busy", "false");
  }
}

function markSelectedRow() {
  for (const row of document.querySelectorAll("#events-table tbody tr")) {
    const selected = row.dataset.id === state.event;
    row.classList.toggle("selected", selected);
    if (selected) row.setAttribute("aria-current", "true");
    else row.removeAttribute("aria-current");
  }
}

async function loadEvidenceIfChanged() {
  const section = $("evidence");
  if (!state.event) {
    loaded.evidence = null;
    section.hidden = true;
    return;
  }
  if (loaded.evidence === state.event) return;
  const id = state.event;
  loaded.evidence = id;
  const shouldFocus = focusEvidence;
  focusEvidence = false;
  await renderEvidence(section, id, { signalStale: () => state.event !== id });
  if (shouldFocus && state.event === id) {
    $("evidence-title").focus({ preventScroll: true });
    section.scrollIntoView({ block: "start", behavior: "instant" });
  }
}

async function loadBusiest() {
  if (loaded.busiest || !hasStore) return;
  loaded.busiest = "loading";
  const list = $("busiest");
  try {
    const network = await getJson("network", {});
    const edges = undirectedPairs(network.edges || []).sort((x, y) => y.events - x.events).slice(0, 10);
    list.replaceChildren(...edges.map((edge) => {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.className = "chip";
      button.textContent = `${edge.source}–${edge.target} (${edge.events})`;
      button.title = edgeLabel(edge);
      button.addEventListener("click", () => navigate({ a: edge.source, b: edge.target, page: 0, event: "" }));
      item.append(button);
      return item;
    }));
    loaded.busiest = "done";
  } catch (error) {
    loaded.busiest = null;
    list.replaceChildren();
    if (error.status !== 404) showError(error);
  }
}

// ---- the network view ------------------------------------------------------

async function loadNetwork() {
  const params = networkParams(state);
  const key = panelKey(params);
  if (loaded.network === key) {
    drawNetwork();  // the selected dyad may have changed
    return;
  }
  loaded.network = key;
  $("network-summary").textContent = "Loading…";
  try {
    data.network = await requests.network.get("network", params);
    drawNetwork();
  } catch (error) {
    if (isAbort(error)) return;
    loaded.network = null;
    $("network-summary").textContent = error.message;
  }
}

function selectDyad(a, b) {
  navigate({ a, b, view: "dyad", page: 0, event: "" });
}

function drawNetwork() {
  const network = data.network;
  if (!network || state.view !== "network") return;
  const edges = undirectedPairs(network.edges || []);
  $("network-summary").textContent =
    `${(network.nodes || []).length} actors, ${edges.length} pairs · ${periodLabel()}`;
  renderNetwork($("network-chart"), network, { onSelect: selectDyad, selected: [state.a, state.b] });
  const body = $("network-edges").querySelector("tbody");
  body.replaceChildren(...[...edges].sort((x, y) => y.events - x.events).map((edge) => {
    const row = document.createElement("tr");
    for (const value of [`${edge.source}–${edge.target}`, edge.events, edge.cooperation, edge.conflict,
      Number(edge.goldstein_sum).toFixed(1)]) {
      const td = document.createElement("td");
      td.textContent = String(value);
      if (typeof value !== "string" || /^-?[\d.]+$/.test(value)) td.className = "number";
      row.append(td);
    }
    const td = document.createElement("td");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "small secondary";
    button.textContent = "Open";
    button.setAttribute("aria-label", `Open ${edge.source}–${edge.target}`);
    button.addEventListener("click", () => selectDyad(edge.source, edge.target));
    td.append(button);
    row.append(td);
    return row;
  }));
}

// ---- the stats line ----------------------------------------------------------

// Says what the store holds; false when the server has no store (`dyad
// serve` without --db), where only "code this text" works.
async function loadStats() {
  const line = $("stats");
  try {
    // A server that says it has no store is not asked for its statistics
    // (a 404 would be noise in the console).
    const health = await getJson("health");
    if (health.store === false) throw Object.assign(new Error("no store"), { status: 404 });
    const stats = await getJson("stats");
    const parts = [
      `${stats.documents} documents`, `${stats.stories} stories`, `${stats.events} events`,
      `${stats.mentions} mentions`,
    ];
    if (stats.first_date) parts.push(`events dated ${stats.first_date} to ${stats.last_date}`);
    if (stats.last_ingest) parts.push(`last ingest ${stats.last_ingest.replace("T", " ").replace("Z", " UTC")}`);
    line.textContent = parts.join(" · ");
    return true;
  } catch (error) {
    if (error.status !== 404) {
      line.textContent = `Statistics unavailable: ${error.message}`;
      return true;
    }
    line.textContent = "No event store: only “Code this text” works. " +
      "Start the server with `dyad serve --db STORE` to browse stored events.";
    return false;
  }
}

// ---- controls ------------------------------------------------------------------

// A value typed without picking from the list: a code as it is, a name
// through the dictionaries (the first match with stored events).
async function resolveActor(text) {
  const value = text.trim();
  if (value === "") return "";
  if (/^[A-Z0-9]+$/.test(value)) return value;
  const answer = await getJson("actors", { q: value, limit: 20 });
  const matches = answer.matches || [];
  const match = matches.find((m) => m.events > 0) || matches[0];
  if (!match) throw new Error(`No actor is called “${value}”.`);
  return queryCode(match);
}

async function submitSelection(event) {
  event.preventDefault();
  const error = $("selection-error");
  error.textContent = "";
  let a;
  let b;
  try {
    [a, b] = await Promise.all([resolveActor(pickerA.value), resolveActor(pickerB.value)]);
  } catch (problem) {
    error.textContent = problem.message;
    return;
  }
  if (!a) {
    error.textContent = "Actor A is needed: type a name or a code and pick it from the list.";
    $("actor-a").focus();
    return;
  }
  const from = $("from").value;
  const to = $("to").value;
  if (from && to && from > to) {
    error.textContent = `The period is empty: ${from} is after ${to}.`;
    return;
  }
  pickerA.value = a;
  pickerB.value = b;
  navigate({
    a, b, from, to,
    dir: $("direction").value, by: $("by").value, hist: $("historical").value,
    page: 0, event: "", view: state.view === "code" ? "dyad" : state.view,
  });
}

function wireControls() {
  $("selection").addEventListener("submit", submitSelection);
  $("swap").addEventListener("click", () => {
    const a = pickerA.value;
    pickerA.value = pickerB.value;
    pickerB.value = a;
    pickerA.describe("");
    pickerB.describe("");
  });
  $("whole-period").addEventListener("click", () => navigate({ from: "", to: "", page: 0 }));
  // Choices that only change how the selection is shown apply at once.
  $("by").addEventListener("change", () => navigate({ by: $("by").value }));
  $("historical").addEventListener("change", () => navigate({ hist: $("historical").value, page: 0 }));
  $("direction").addEventListener("change", () => {
    if (state.a) navigate({ dir: $("direction").value, page: 0 });
  });
  $("min-events").addEventListener("change", () => {
    const min = Number.parseInt($("min-events").value, 10);
    if (Number.isFinite(min) && min >= 1) navigate({ min });
  });
  for (const button of document.querySelectorAll("nav.views button")) {
    button.addEventListener("click", () => navigate({ view: button.dataset.view }));
  }

  const table = $("events-table");
  table.querySelector("thead").addEventListener("click", (event) => {
    const button = event.target.closest("button[data-sort]");
    if (!button) return;
    navigate({ ...nextSort(button.dataset.sort, state.sort, state.desc), page: 0 });
  });
  const open = (row) => {
    if (!row?.dataset.id) return;
    focusEvidence = true;
    navigate({ event: row.dataset.id });
  };
  const body = table.querySelector("tbody");
  body.addEventListener("click", (event) => open(event.target.closest("tr")));
  body.addEventListener("keydown", (event) => {
    if (event.key !== "Enter" && event.key !== " ") return;
    const row = event.target.closest("tr");
    if (!row) return;
    event.preventDefault();
    open(row);
  });
  $("page-prev").addEventListener("click", () => navigate({ page: Math.max(0, state.page - 1) }));
  $("page-next").addEventListener("click", () => navigate({ page: state.page + 1 }));
  $("evidence-close").addEventListener("click", () => {
    const id = state.event;
    navigate({ event: "" });
    document.querySelector(`#events-table tr[data-id="${CSS.escape(id)}"]`)?.focus();
  });
  $("evidence").addEventListener("keydown", (event) => {
    if (event.key === "Escape") $("evidence-close").click();
  });

  wireChartDownloads(document.body, (chart) => {
    const name = { "series-chart": "series", "status-chart": "status", "network-chart": "network" }[chart];
    const who = chart === "network-chart" ? "" : `-${[state.a, state.b].filter(Boolean).join("-")}`;
    const when = state.from || state.to ? `-${state.from || "start"}-${state.to || "end"}` : "";
    return `dyad-${name}${who}${when}`;
  });

  // Picking an actor from the list says what it resolves to.
  document.addEventListener("actor-picked", () => $("selection-error").textContent = "");

  // Charts follow the window's width.
  let lastWidth = window.innerWidth;
  let timer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (window.innerWidth === lastWidth) return;
      lastWidth = window.innerWidth;
      if (state.view === "dyad" && state.a) {
        drawSeries();
        drawStatus();
      }
      if (state.view === "network") drawNetwork();
    }, 150);
  });
  window.addEventListener("hashchange", () => apply(parseState(location.hash)));
}

// Says what an actor code set by a link, the network or the busiest pairs
// stands for, as the picker does for a picked one.
async function describeActor(picker, code) {
  if (code && picker.describedCode === code) return;
  picker.describe("");
  if (!code) return;
  try {
    const answer = await getJson("actors", { q: code, limit: 20 });
    const matches = answer.matches || [];
    const match = matches.find((m) => m.code === code) || matches.find((m) => queryCode(m) === code);
    if (match && picker.value === code) picker.describe(`${match.name} — ${describeMatch(match)}`, code);
  } catch {
    // The note is a courtesy; the panels report real errors.
  }
}

async function start() {
  setUpCodeBox();
  wireControls();
  hasStore = await loadStats();
  // Without a store, a plain visit opens the one view that works.
  if (!hasStore && location.hash === "") state = { ...state, view: "code" };
  apply(state);
}

start();
