// The evidence of one event (GET /api/events/{id}): every sentence that
// reported it, each shown inside its document's clean text
// (GET /api/documents/{key}) with the span highlighted, and a link to the
// original article.
import { getJson } from "./api.js";
import { highlight } from "./highlight.js";
import { eventName } from "./cameo.js";
import { formatWithPrecision } from "./dates.js";

const documents = new Map();  // key -> Promise of the document

function fetchDocument(key) {
  if (!documents.has(key)) {
    const promise = getJson(`documents/${encodeURIComponent(key)}`);
    promise.catch(() => documents.delete(key));
    documents.set(key, promise);
  }
  return documents.get(key);
}

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function describe(list, pairs) {
  list.replaceChildren();
  for (const [term, value] of pairs) {
    const wrap = element("div");
    wrap.append(element("dt", term), element("dd", value));
    list.append(wrap);
  }
}

function originalLink(url, label) {
  const link = element("a", label);
  link.href = url;
  link.target = "_blank";
  link.rel = "noopener noreferrer";
  return link;
}

async function renderMention(item, mention, index) {
  const head = element("div", null, "mention-head");
  head.append(element("strong", mention.title || mention.doc));
  const facts = [mention.outlet, `reported ${mention.report_date}`, `sentence ${mention.sentence + 1}`,
    mention.confidence !== undefined ? `confidence ${Number(mention.confidence).toFixed(2)}` : null,
    mention.historical ? "historical" : null].filter(Boolean);
  head.append(element("span", ` — ${facts.join(" · ")} `, "muted"));
  if (mention.url) head.append(originalLink(mention.url, "original article ↗"));
  item.append(head);

  const box = element("div", "Loading the document…", "document scroll");
  box.tabIndex = 0;
  box.setAttribute("aria-label", `Text of ${mention.title || mention.doc}, evidence highlighted`);
  item.append(box);
  try {
    const doc = await fetchDocument(mention.doc_key);
    const [begin, end] = mention.span;
    box.replaceChildren(highlight(doc.text, [{ begin, end, className: "evidence-span", id: String(index) }]));
    box.dataset.doc = String(mention.doc_key);
    box.dataset.span = `${begin},${end}`;
    const mark = box.querySelector("mark");
    if (mark) {
      box.scrollTop = Math.max(0, mark.offsetTop - box.clientHeight / 3);
    } else {
      // A span outside the text: show the sentence as the record has it.
      box.prepend(element("q", mention.text),
        element("p", `(span ${begin}–${end} lies outside the document's text)`, "error"));
    }
  } catch (error) {
    box.replaceChildren(element("q", mention.text));
    box.append(element("p", `The document could not be loaded: ${error.message}`, "error"));
  }
}

export async function renderEvidence(section, id, { signalStale } = {}) {
  const record = section.querySelector("#evidence-record");
  const list = section.querySelector("#evidence-mentions");
  const status = section.querySelector("#evidence-status");
  section.hidden = false;
  section.dataset.ready = "false";
  record.replaceChildren();
  list.replaceChildren();
  status.textContent = "Loading the evidence…";
  let answer;
  try {
    answer = await getJson(`events/${encodeURIComponent(id)}`);
  } catch (error) {
    status.textContent = `Event ${id}: ${error.message}`;
    return;
  }
  if (signalStale?.()) return;
  const event = answer.event;
  const mentions = answer.mentions || [];
  section.dataset.event = event.id;
  describe(record, [
    ["Event", `${event.code} ${eventName(event)}`.trim()],
    ["Date", `${formatWithPrecision(event.date, event.date_precision)}` +
      `${event.historical ? " (historical reference)" : ""}, reported ${event.report_date}`],
    ["Source → target", `${event.source.code} → ${event.target.code}`],
    ["Goldstein", Number(event.goldstein).toFixed(1)],
    ["Reported", `${event.mentions} mention${event.mentions === 1 ? "" : "s"}, ` +
      `${event.sources} source${event.sources === 1 ? "" : "s"}, ${event.articles} article${event.articles === 1 ? "" : "s"}`],
    ["Id", event.id],
  ]);
  status.textContent = `${mentions.length} sentence${mentions.length === 1 ? "" : "s"} reported this event.`;
  await Promise.all(mentions.map((mention, index) => {
    const item = element("li", null, "mention");
    list.append(item);
    return renderMention(item, mention, index);
  }));
  section.dataset.ready = "true";
}
