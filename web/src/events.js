// The events of the selection (GET /api/events): a table sorted on the
// server and paged, whose rows open the evidence of their event.
import { eventName } from "./cameo.js";
import { formatWithPrecision } from "./dates.js";

// `label` names the column where a narrow window shows rows as cards.
function cell(row, text, { className, title, label } = {}) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  if (title) td.title = title;
  if (label) td.dataset.label = label;
  row.append(td);
  return td;
}

function actorTitle(actor) {
  return [actor.name && `named “${actor.name}”`, actor.country, actor.org, actor.sector]
    .filter(Boolean).join(" · ");
}

export function renderEventRows(tbody, events, selectedId) {
  tbody.replaceChildren();
  for (const event of events) {
    const row = document.createElement("tr");
    row.dataset.id = event.id;
    row.tabIndex = 0;
    row.className = "event-row";
    if (event.id === selectedId) {
      row.classList.add("selected");
      row.setAttribute("aria-current", "true");
    }
    cell(row, formatWithPrecision(event.date, event.date_precision), { className: "date",
      title: `${event.date_precision || "day"} precision; reported ${event.report_date}` +
        `${event.date_from_report ? "; the text gave no date of its own" : ""}` });
    cell(row, event.source.code, { className: "source", title: actorTitle(event.source) });
    cell(row, event.target.code, { className: "target", title: actorTitle(event.target) });
    const name = eventName(event);
    cell(row, name ? `${event.code} ${name}` : event.code, { className: "event-name" });
    cell(row, Number(event.goldstein).toFixed(1), { className: "number goldstein", label: "Goldstein" });
    cell(row, String(event.mentions), { className: "number mentions", label: "Mentions" });
    cell(row, String(event.sources), { className: "number optional", label: "Sources" });
    cell(row, String(event.articles), { className: "number optional", label: "Articles" });
    const historical = cell(row, "", { className: "historical" });
    if (event.historical) {
      const tag = document.createElement("span");
      tag.className = "tag";
      tag.textContent = "historical";
      historical.append(tag);
    }
    tbody.append(row);
  }
}

// Marks the header of the sort column for assistive technology and the eye.
export function renderSortHeaders(table, sort, desc) {
  for (const th of table.querySelectorAll("th[data-sort]")) {
    const active = th.dataset.sort === sort;
    th.setAttribute("aria-sort", active ? (desc ? "descending" : "ascending") : "none");
    th.querySelector(".arrow").textContent = active ? (desc ? " ▼" : " ▲") : "";
  }
}

// A click on a sortable header: a new column starts in its natural order
// (dates ascending, the largest mentions and scores first), the same column
// flips.
export function nextSort(column, sort, desc) {
  if (column === sort) return { sort, desc: !desc };
  return { sort: column, desc: column !== "date" };
}
