// The dashboard's script. Talks only to dyad's own /api/ endpoints.
"use strict";

// Spans in records count Unicode code points; JavaScript strings count UTF-16
// units, so text is handled as an array of code points.
function highlight(text, events) {
  const chars = Array.from(text);
  const marks = events
    .map((event, index) => ({ begin: event.span[0], end: event.span[1], index }))
    .sort((a, b) => a.begin - b.begin || b.end - a.end);
  const container = document.createDocumentFragment();
  let position = 0;
  for (const mark of marks) {
    if (mark.begin < position) continue;  // overlapping spans: the first one is shown
    container.append(chars.slice(position, mark.begin).join(""));
    const element = document.createElement("mark");
    element.dataset.event = String(mark.index + 1);
    element.append(chars.slice(mark.begin, mark.end).join(""));
    const number = document.createElement("sup");
    number.textContent = String(mark.index + 1);
    element.append(number);
    container.append(element);
    position = mark.end;
  }
  container.append(chars.slice(position).join(""));
  return container;
}

function cell(row, text, className) {
  const td = document.createElement("td");
  td.textContent = text;
  if (className) td.className = className;
  row.append(td);
}

function showCodeResult(result) {
  document.getElementById("code-highlighted").replaceChildren(highlight(result.text, result.events));
  const body = document.querySelector("#code-events tbody");
  body.replaceChildren();
  result.events.forEach((event, index) => {
    const row = document.createElement("tr");
    row.dataset.id = event.id;
    cell(row, String(index + 1), "number");
    cell(row, event.date + (event.date_from_report ? " *" : ""));
    cell(row, `${event.source.code} (${event.source.name})`);
    cell(row, `${event.target.code} (${event.target.name})`);
    cell(row, event.code);
    cell(row, event.goldstein.toFixed(1), "number");
    cell(row, event.confidence.toFixed(2), "number");
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
    const response = await fetch("api/code", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, date }),
    });
    const result = await response.json();
    if (!response.ok) {
      status.textContent = result.error ? result.error.message : `HTTP ${response.status}`;
      return;
    }
    showCodeResult(result);
    const count = result.events.length;
    status.textContent = `${count} event${count === 1 ? "" : "s"} in ${result.sentences} sentence${
      result.sentences === 1 ? "" : "s"}.`;
  } catch (error) {
    status.textContent = `The server did not answer: ${error}`;
  }
}

document.getElementById("code-date").valueAsDate = new Date();
document.getElementById("code-form").addEventListener("submit", codeText);
