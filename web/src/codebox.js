// The "code this text" box (POST /api/code): codes a pasted article without
// storing it and shows its clean text with each event's words highlighted,
// numbered like the records in the table beside it.
import { postJson } from "./api.js";
import { highlight } from "./highlight.js";
import { eventName } from "./cameo.js";

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
}

function showCodeResult(result) {
  const marks = result.events.map((event, index) => ({
    begin: event.span[0], end: event.span[1], label: String(index + 1), id: String(index + 1),
  }));
  document.getElementById("code-highlighted").replaceChildren(highlight(result.text, marks));
  const body = document.querySelector("#code-events tbody");
  body.replaceChildren();
  result.events.forEach((event, index) => {
    const row = document.createElement("tr");
    row.dataset.id = event.id;
    cell(row, String(index + 1), "number");
    cell(row, event.date + (event.date_from_report ? " *" : ""), "date");
    cell(row, `${event.source.code} (${event.source.name})`);
    cell(row, `${event.target.code} (${event.target.name})`);
    cell(row, `${event.code} ${eventName(event)}`.trim());
    cell(row, event.goldstein.toFixed(1), "number");
    cell(row, event.confidence.toFixed(2), "number optional");
    body.append(row);
  });
  document.getElementById("code-json").textContent =
    result.events.map((event) => JSON.stringify(event)).join("\n");
  document.getElementById("code-result").hidden = false;
}

async function codeText(event) {
  event.preventDefault();
  const status = document.getElementById("code-status");
  const text = document.getElementById("code-text").value;
  const date = document.getElementById("code-date").value;
  status.textContent = "Coding…";
  try {
    const result = await postJson("code", { text, date });
    showCodeResult(result);
    const count = result.events.length;
    status.textContent = `${count} event${count === 1 ? "" : "s"} in ${result.sentences} sentence${
      result.sentences === 1 ? "" : "s"}.`;
  } catch (error) {
    status.textContent = error.status ? error.message : `The server did not answer: ${error.message}`;
  }
}

export function setUpCodeBox() {
  document.getElementById("code-date").valueAsDate = new Date();
  document.getElementById("code-form").addEventListener("submit", codeText);
}
