// The analyst dashboard in a real browser, against `dyad serve --db` on a
// store of the bundled example corpus (examples/news.jsonl). Each test
// compares what the page shows with what the API answers for the same
// selection.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  launch, openPage, assertQuiet, api, artifacts, hashParams, waitForHash, eventRows, parseCsv,
} from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Picks an actor through the autocomplete list: types part of a name and
// clicks the option whose code is `code`.
async function pickActor(page, field, typed, code) {
  await page.fill(field, "");
  await page.type(field, typed, { delay: 20 });
  const option = page.locator(`${field}-list [role=option][data-code="${code}"]`);
  await option.waitFor();
  await option.click();
  assert.equal(await page.inputValue(field), code);
}

async function seriesPeriods(page) {
  await page.waitForSelector("#series-chart[aria-busy=false] svg[data-periods]");
  return page.$$eval("#series-chart g.period", (groups) => groups.map((g) => g.dataset.period));
}

test("picking a dyad through autocomplete loads its series, period by period", async () => {
  const page = await openPage(browser);
  await pickActor(page, "#actor-a", "Colomb", "COL");
  assert.match(await page.textContent("#actor-a-note"), /Colombia/);
  await pickActor(page, "#actor-b", "Venez", "VEN");
  await page.click("#show");
  await waitForHash(page, "b", "VEN");
  assert.equal(hashParams(page).get("a"), "COL");

  const series = await api("series?actor=COL&other=VEN&by=month");
  assert.ok(series.points.length > 1, "the example corpus has several months of COL–VEN");
  const periods = await seriesPeriods(page);
  assert.deepEqual(periods, series.points.map((point) => point.period));
  assert.equal(await page.getAttribute("#series-chart svg", "data-periods"), String(series.points.length));
  // Bars stand for the counts: a period with events has bars, an empty one none.
  const barred = await page.$$eval("#series-chart g.period",
    (groups) => groups.map((g) => g.querySelectorAll("rect.quad").length > 0));
  assert.deepEqual(barred, series.points.map((point) => point.events > 0));

  // Another granularity is another series.
  await page.selectOption("#by", "year");
  await waitForHash(page, "by", "year");
  const years = await api("series?actor=COL&other=VEN&by=year");
  await page.waitForFunction((n) =>
    document.querySelector("#series-chart svg")?.dataset.periods === String(n), years.points.length);
  assert.deepEqual(await seriesPeriods(page), years.points.map((point) => point.period));
  assertQuiet(page);
  await page.close();
});

test("picking a person queries the state they act for", async () => {
  const answer = await api("actors?q=Maduro");
  const maduro = answer.matches.find((m) => m.kind === "person");
  assert.ok(maduro, "the dictionaries know Maduro");
  const page = await openPage(browser);
  await page.type("#actor-a", "Maduro", { delay: 20 });
  const option = page.locator(`#actor-a-list [role=option][data-code="${maduro.code}"]`).first();
  await option.waitFor();
  await option.click();
  assert.equal(await page.inputValue("#actor-a"), maduro.member);
  assert.match(await page.textContent("#actor-a-note"), new RegExp(maduro.name));
  assertQuiet(page);
  await page.close();
});

test("the relation status of a dyad with changes is drawn as dated bands", async () => {
  const status = await api("status?a=COL&b=VEN");
  assert.ok(status.changes.length >= 2, "COL–VEN broke and restored relations in the examples");
  const page = await openPage(browser, "#a=COL&b=VEN");
  await page.waitForSelector("#status-chart rect.band");
  const bands = await page.$$eval("#status-chart rect.band",
    (rects) => rects.map((r) => ({ status: r.dataset.status, date: r.dataset.date, width: r.getBBox().width })));
  assert.deepEqual(bands.map(({ status: s, date }) => ({ status: s, date })),
    status.changes.map((change) => ({ status: change.status, date: change.date })));
  assert.ok(bands.every((band) => band.width > 0));
  // Bands follow each other in time, left to right.
  const lefts = await page.$$eval("#status-chart rect.band", (rects) => rects.map((r) => r.getBBox().x));
  assert.deepEqual([...lefts].sort((x, y) => x - y), lefts);
  // The list says the same in words, with the dates.
  const items = await page.$$eval("#status-list li", (lis) => lis.map((li) => li.textContent));
  assert.equal(items.length, status.changes.length);
  status.changes.forEach((change, i) => {
    assert.ok(items[i].includes(change.status) && items[i].includes(change.date.slice(0, 4)), items[i]);
  });
  assert.equal(await page.textContent("#status-summary"), status.summary);
  assertQuiet(page);
  await page.close();
});

test("the events table shows the selection's total and sorts by Goldstein on the server", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA");
  const all = await api("events?dyad=VEN,USA&limit=25");
  let rows = await eventRows(page);
  assert.equal(await page.getAttribute("#events-total", "data-total"), String(all.total));
  assert.match(await page.textContent("#events-total"), new RegExp(`^${all.total} events`));
  assert.deepEqual(rows.map((row) => row.id), all.events.map((event) => event.id));

  // First click: largest scores first; second click: smallest first.
  await page.click("#events-table button[data-sort=goldstein]");
  await waitForHash(page, "sort", "goldstein");
  const descending = await api("events?dyad=VEN,USA&sort=goldstein&desc=true&limit=25");
  await page.waitForFunction((id) => document.querySelector("#events-table tbody tr")?.dataset.id === id,
    descending.events[0].id);
  rows = await eventRows(page);
  assert.deepEqual(rows.map((row) => row.id), descending.events.map((event) => event.id));
  const scores = rows.map((row) => Number(row.cells[4]));
  assert.deepEqual(scores, [...scores].sort((x, y) => y - x));
  assert.notDeepEqual(rows.map((row) => row.id), all.events.map((event) => event.id));
  assert.equal(await page.getAttribute("th[data-sort=goldstein]", "aria-sort"), "descending");

  await page.click("#events-table button[data-sort=goldstein]");
  await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("desc"));
  const ascending = await api("events?dyad=VEN,USA&sort=goldstein&limit=25");
  await page.waitForFunction((id) => document.querySelector("#events-table tbody tr")?.dataset.id === id,
    ascending.events[0].id);
  rows = await eventRows(page);
  assert.deepEqual(rows.map((row) => row.id), ascending.events.map((event) => event.id));
  assertQuiet(page);
  await page.close();
});

test("the table pages through a selection larger than a page", async () => {
  const page = await openPage(browser, "#a=VEN");
  const first = await api("events?actor=VEN&limit=25");
  assert.ok(first.total > 25, `VEN has ${first.total} events`);
  await eventRows(page);
  await page.click("#page-next");
  await waitForHash(page, "page", "1");
  const second = await api("events?actor=VEN&limit=25&offset=25");
  await page.waitForFunction((id) => document.querySelector("#events-table tbody tr")?.dataset.id === id,
    second.events[0].id);
  const rows = await eventRows(page);
  assert.deepEqual(rows.map((row) => row.id), second.events.map((event) => event.id));
  assert.equal(await page.textContent("#page-info"),
    `26–${25 + second.events.length} of ${first.total}`);
  assertQuiet(page);
  await page.close();
});

test("clicking an event opens its evidence with the span highlighted in the document", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA");
  const rows = await eventRows(page);
  // The first VEN–USA event's sentence follows accented words ("chargé",
  // "Nicolás"): offsets in bytes or UTF-16 units would land elsewhere.
  await page.click(`#events-table tr[data-id="${rows[0].id}"]`);
  await waitForHash(page, "event", rows[0].id);
  await page.waitForSelector("#evidence[data-ready=true]");

  const answer = await api(`events/${rows[0].id}`);
  assert.ok(answer.mentions.length >= 1);
  const expected = [];
  for (const mention of answer.mentions) {
    const doc = await api(`documents/${mention.doc_key}`);
    expected.push(Array.from(doc.text).slice(mention.span[0], mention.span[1]).join(""));
  }
  const marked = await page.$$eval("#evidence-mentions mark.evidence-span", (marks) => marks.map((m) => m.textContent));
  assert.deepEqual(marked, expected);
  assert.ok(expected[0].length > 10 && answer.event.text.includes(expected[0]),
    `the span "${expected[0]}" lies in the record's sentence`);
  const links = await page.$$eval("#evidence-mentions a", (as) => as.map((a) => a.getAttribute("href")));
  assert.deepEqual(links, answer.mentions.map((mention) => mention.url));
  assert.equal(await page.getAttribute(`#events-table tr[data-id="${rows[0].id}"]`, "aria-current"), "true");

  // Close goes back to the table.
  await page.click("#evidence-close");
  await page.waitForFunction(() => !location.hash.includes("event="));
  assert.equal(await page.isHidden("#evidence"), true);
  assertQuiet(page);
  await page.close();
});

test("clicking an edge of the network selects that dyad", async () => {
  const network = await api("network");
  // The API's edges are directed; the picture draws one edge per pair.
  const pairs = new Set(network.edges.map((e) => [e.source, e.target].sort().join()));
  assert.ok(pairs.has("COL,VEN"), "the examples' network has a COL–VEN edge");
  const page = await openPage(browser, "#view=network");
  await page.waitForSelector("#network-chart g.edge");
  assert.equal(await page.locator("#network-chart g.edge").count(), pairs.size);
  assert.equal(await page.locator("#network-chart g.node").count(), network.nodes.length);
  const edge = await page.$eval(
    "#network-chart g.edge[data-source=COL][data-target=VEN], #network-chart g.edge[data-source=VEN][data-target=COL]",
    (g) => ({ source: g.dataset.source, target: g.dataset.target, label: g.getAttribute("aria-label") }));
  // Its label adds up both directions.
  const both = network.edges.filter((e) => [e.source, e.target].sort().join() === "COL,VEN");
  const events = both.reduce((sum, e) => sum + e.events, 0);
  assert.match(edge.label, new RegExp(`: ${events} events`));
  const selector = `#network-chart g.edge[data-source="${edge.source}"][data-target="${edge.target}"]`;
  // Click where the edge is on top: near a busy node another edge may cover part of it.
  await page.locator(selector).scrollIntoViewIfNeeded();
  const point = await page.$eval(`${selector} line.hit`, (line) => {
    const edgeGroup = line.closest("g.edge");
    const matrix = line.getScreenCTM();
    const [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map((name) => line[name].baseVal.value);
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
      const p = new DOMPoint(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t).matrixTransform(matrix);
      if (edgeGroup.contains(document.elementFromPoint(p.x, p.y))) return { x: p.x, y: p.y };
    }
    return null;
  });
  assert.ok(point, "some part of the edge can be clicked");
  await page.mouse.click(point.x, point.y);
  await waitForHash(page, "b", edge.target);
  const params = hashParams(page);
  assert.equal(params.get("a"), edge.source);
  assert.equal(params.has("view"), false, "the dyad view (the default) is shown");
  await page.waitForSelector("#view-dyad:not([hidden])");
  assert.match(await page.textContent("#dyad-title"), new RegExp(`^${edge.source}–${edge.target}`));
  await seriesPeriods(page);
  await eventRows(page);
  assert.equal(await page.getAttribute("#events-total", "data-total"), String(events),
    "the dyad has the events its edge counted");

  // The same with the keyboard: Tab to an edge, Enter.
  await page.goto(`${new URL(page.url()).origin}/#view=network`);
  await page.waitForSelector(selector);
  await page.focus(selector);
  await page.keyboard.press("Enter");
  await waitForHash(page, "a", edge.source);
  assertQuiet(page);
  await page.close();
});

test("a URL reproduces the view it was copied from", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA");
  await eventRows(page);
  await page.fill("#from", "2019-01-01");
  await page.fill("#to", "2025-12-31");
  await page.selectOption("#historical", "no");
  await page.click("#show");
  await waitForHash(page, "to", "2025-12-31");
  await page.click("#events-table button[data-sort=mentions]");
  await waitForHash(page, "sort", "mentions");
  await page.waitForSelector("th[data-sort=mentions][aria-sort=descending]");
  let rows = await eventRows(page);
  await page.click(`#events-table tr[data-id="${rows[1].id}"]`);
  await page.waitForSelector("#evidence[data-ready=true]");
  const link = page.url();
  const snapshot = async (p) => ({
    a: await p.inputValue("#actor-a"), b: await p.inputValue("#actor-b"),
    from: await p.inputValue("#from"), to: await p.inputValue("#to"),
    hist: await p.inputValue("#historical"),
    periods: await seriesPeriods(p),
    rows: (await eventRows(p)).map((row) => row.id),
    evidence: await p.getAttribute("#evidence", "data-event"),
    title: await p.textContent("#dyad-title"),
  });
  await page.waitForSelector("#series-chart[aria-busy=false] svg");
  const before = await snapshot(page);
  assert.equal(before.evidence, rows[1].id);
  assert.deepEqual([before.a, before.b, before.from, before.to, before.hist],
    ["VEN", "USA", "2019-01-01", "2025-12-31", "no"]);

  const copy = await openPage(browser, new URL(link).hash);
  await copy.waitForSelector("#evidence[data-ready=true]");
  assert.deepEqual(await snapshot(copy), before);
  // Reloading keeps it too.
  await copy.reload();
  await copy.waitForSelector("#evidence[data-ready=true]");
  assert.deepEqual(await snapshot(copy), before);
  // And the back button undoes the last step (opening the evidence).
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes("event="));
  rows = await eventRows(page);
  assert.equal(await page.isHidden("#evidence"), true);
  assertQuiet(page);
  assertQuiet(copy);
  await page.close();
  await copy.close();
});

test("dragging across the series chart zooms the period", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA&by=year");
  const periods = await seriesPeriods(page);
  assert.ok(periods.length >= 4, periods.join());
  // From the middle of the second year to the middle of the third.
  const box = await page.locator("#series-chart .brush .overlay").boundingBox();
  const left = box.x + (box.width * 1.3) / periods.length;
  const right = box.x + (box.width * 2.7) / periods.length;
  await page.mouse.move(left, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move((left + right) / 2, box.y + box.height / 2, { steps: 4 });
  await page.mouse.move(right, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  await waitForHash(page, "from", `${periods[1]}-01-01`);
  assert.equal(hashParams(page).get("to"), `${periods[2]}-12-31`);
  assert.equal(await page.inputValue("#from"), `${periods[1]}-01-01`);
  await page.waitForFunction(() => document.querySelector("#series-chart svg")?.dataset.periods === "2");
  assert.deepEqual(await seriesPeriods(page), [periods[1], periods[2]]);
  assertQuiet(page);
  await page.close();
});

test("the CSV download holds the table's filters and order", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA&from=2019-01-01&to=2024-12-31&hist=no&sort=goldstein&desc=1");
  const rows = await eventRows(page);
  const href = await page.getAttribute("#events-csv", "href");
  const link = new URL(href, page.url());
  assert.equal(link.pathname, "/api/events");
  const params = Object.fromEntries(link.searchParams);
  assert.deepEqual(params, {
    dyad: "VEN,USA", from: "2019-01-01", to: "2024-12-31", historical: "no", sort: "goldstein",
    desc: "true", limit: "1000", format: "csv",
  });
  const download = page.waitForEvent("download");
  await page.click("#events-csv");
  const file = await download;
  assert.equal(file.suggestedFilename(), "dyad-events-VEN-USA.csv");
  const csv = parseCsv(readFileSync(await file.path(), "utf8"));
  const header = csv[0];
  const ids = csv.slice(1).filter((row) => row.length > 1).map((row) => row[header.indexOf("id")]);
  const total = Number(await page.getAttribute("#events-total", "data-total"));
  assert.equal(ids.length, total);
  assert.deepEqual(ids.slice(0, rows.length), rows.map((row) => row.id));
  const historical = csv.slice(1).filter((row) => row.length > 1).map((row) => row[header.indexOf("historical")]);
  assert.ok(historical.every((value) => value === "false"));
  assertQuiet(page);
  await page.close();
});

test("each chart downloads as SVG and PNG", async () => {
  const page = await openPage(browser, "#a=COL&b=VEN");
  await seriesPeriods(page);
  await page.waitForSelector("#status-chart svg");
  for (const [chart, name] of [["series-chart", "series"], ["status-chart", "status"]]) {
    let download = page.waitForEvent("download");
    await page.click(`[data-chart=${chart}] button[data-download=svg]`);
    let file = await download;
    assert.equal(file.suggestedFilename(), `dyad-${name}-COL-VEN.svg`);
    const svg = readFileSync(await file.path(), "utf8");
    assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(!svg.includes("class=\"brush\""), "the brush is not part of the picture");
    download = page.waitForEvent("download");
    await page.click(`[data-chart=${chart}] button[data-download=png]`);
    file = await download;
    assert.equal(file.suggestedFilename(), `dyad-${name}-COL-VEN.png`);
    const png = readFileSync(await file.path());
    assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    assert.ok(png.length > 2000, `${name}.png has ${png.length} bytes`);
  }
  await page.click("nav.views button[data-view=network]");
  await page.waitForSelector("#network-chart svg g.edge");
  const download = page.waitForEvent("download");
  await page.click("[data-chart=network-chart] button[data-download=svg]");
  const file = await download;
  assert.equal(file.suggestedFilename(), "dyad-network.svg");
  assert.match(readFileSync(await file.path(), "utf8"), /class="edge/);
  assertQuiet(page);
  await page.close();
});

test("the stats line says what the store holds", async () => {
  const stats = await api("stats");
  const page = await openPage(browser);
  await page.waitForFunction(() => document.getElementById("stats").textContent.includes("documents"));
  const line = await page.textContent("#stats");
  for (const part of [`${stats.documents} documents`, `${stats.events} events`, `${stats.mentions} mentions`]) {
    assert.ok(line.includes(part), `"${line}" lacks "${part}"`);
  }
  // With no dyad yet, the busiest pairs are offered.
  await page.waitForSelector("#busiest button");
  await page.click("#busiest li:first-child button");
  await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("b"));
  await seriesPeriods(page);
  assertQuiet(page);
  await page.close();
});

test("an unknown actor is reported in words", async () => {
  const page = await openPage(browser, "#a=XXQ&b=USA");
  await page.waitForFunction(() => document.getElementById("dyad-error").textContent !== "");
  assert.match(await page.textContent("#dyad-error"), /XXQ/);
  await page.close();
});

test("Tab reaches the dyad picker and the table, and Enter opens a row", async () => {
  const page = await openPage(browser, "#a=VEN&b=USA");
  await eventRows(page);
  const reached = [];
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press("Tab");
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return el.id || (el.matches("tr.event-row") ? `row:${el.dataset.id}` : el.tagName.toLowerCase());
    });
    if (where !== reached.at(-1)) reached.push(where);
    if (where.startsWith("row:")) break;
  }
  const picker = reached.indexOf("actor-a");
  const row = reached.findIndex((where) => where.startsWith("row:"));
  assert.ok(picker >= 0, `the picker was never focused: ${reached.join(" ")}`);
  assert.ok(row > picker, `no table row after the picker: ${reached.join(" ")}`);
  for (const control of ["actor-b", "direction", "from", "to", "show"]) {
    const at = reached.indexOf(control);
    assert.ok(at > picker && at < row, `${control} in the Tab order: ${reached.join(" ")}`);
  }
  // A visible focus ring on the focused row.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, "none");
  const id = reached[row].slice(4);
  await page.keyboard.press("Enter");
  await waitForHash(page, "event", id);
  await page.waitForSelector("#evidence[data-ready=true]");
  assert.equal(await page.evaluate(() => document.activeElement.id), "evidence-title");

  // The autocomplete works from the keyboard alone.
  await page.focus("#actor-b");
  await page.fill("#actor-b", "");
  await page.keyboard.type("Colomb", { delay: 20 });
  await page.waitForSelector("#actor-b-list [role=option][data-code=COL]");
  while (await page.getAttribute("#actor-b-list [aria-selected=true]", "data-code") !== "COL") {
    await page.keyboard.press("ArrowDown");
  }
  await page.keyboard.press("Enter");
  assert.equal(await page.inputValue("#actor-b"), "COL");
  await page.keyboard.press("Enter");  // the list is closed: Enter submits the form
  await waitForHash(page, "b", "COL");
  assertQuiet(page);
  await page.close();
});

test("a narrow window has no horizontal overflow, in every view", async () => {
  const first = (await api("events?dyad=VEN,USA&limit=1")).events[0];
  const page = await openPage(browser, `#a=VEN&b=USA&event=${first.id}`, { width: 420, height: 800 });
  await eventRows(page);
  await seriesPeriods(page);
  await page.waitForSelector("#evidence[data-ready=true]");
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(await overflow() <= 0, `dyad view overflows by ${await overflow()} px`);
  const chart = await page.$eval("#series-chart svg", (svg) => svg.getBoundingClientRect().width);
  assert.ok(chart <= 420 && chart > 300, `series chart ${chart} px wide`);
  await page.screenshot({ path: `${artifacts}/dashboard-narrow.png`, fullPage: true });
  await page.click("nav.views button[data-view=network]");
  await page.waitForSelector("#network-chart svg");
  assert.ok(await overflow() <= 0, `network view overflows by ${await overflow()} px`);
  await page.screenshot({ path: `${artifacts}/network-narrow.png`, fullPage: true });
  await page.click("nav.views button[data-view=code]");
  assert.ok(await overflow() <= 0, `code view overflows by ${await overflow()} px`);
  assertQuiet(page);
  await page.close();
});

test("screenshots of the wide dashboard", async () => {
  const status = await api("status?a=COL&b=VEN");
  const page = await openPage(browser, `#a=COL&b=VEN&event=${status.changes[0].event_id}`,
    { width: 1280, height: 900 });
  await eventRows(page);
  await seriesPeriods(page);
  await page.waitForSelector("#evidence[data-ready=true]");
  await page.screenshot({ path: `${artifacts}/dashboard-wide.png`, fullPage: true });
  // The picture in the README (docs/dashboard.png is a copy): picker, series and status.
  const bottom = await page.$eval("#status-panel", (panel) => panel.getBoundingClientRect().bottom + window.scrollY);
  await page.screenshot({ path: `${artifacts}/dashboard.png`, fullPage: true,
    clip: { x: 0, y: 0, width: 1280, height: Math.ceil(bottom) + 12 } });
  await page.click("nav.views button[data-view=network]");
  await page.waitForSelector("#network-chart svg");
  await page.screenshot({ path: `${artifacts}/network-wide.png`, fullPage: true });
  assertQuiet(page);
  await page.close();
});

test("behind a token, a link with ?token= opens the dashboard and its downloads", async () => {
  const tokenUrl = process.env.DYAD_TOKEN_URL;
  const token = process.env.DYAD_TOKEN;
  assert.ok(tokenUrl && token, "run_browser_tests.sh starts a server with --token");
  const refused = await fetch(new URL("api/stats", tokenUrl));
  assert.equal(refused.status, 401);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => { if (message.type() === "error") problems.push(message.text()); });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(`${tokenUrl}?token=${token}#a=VEN&b=USA`);
  const rows = await eventRows(page);
  const total = Number(await page.getAttribute("#events-total", "data-total"));
  assert.ok(total > 0 && rows.length === Math.min(total, 25));
  await page.waitForFunction(() => document.getElementById("stats").textContent.includes("documents"));
  // The CSV link cannot send a header: it carries the token.
  const csv = new URL(await page.getAttribute("#events-csv", "href"), page.url());
  assert.equal(csv.searchParams.get("token"), token);
  const answer = await fetch(csv);
  assert.equal(answer.status, 200);
  assert.deepEqual(problems, []);
  await context.close();
});
