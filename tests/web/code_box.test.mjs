// The "code this text" box (POST /api/code) in a real browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { launch, openPage, assertQuiet, artifacts } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("the code box codes a typed sentence and highlights its evidence", async () => {
  const page = await openPage(browser, "#view=code");
  await page.fill("#code-text",
    "Venezuela broke off diplomatic relations with the United States on Wednesday. " +
    "Officials met in Lima.");
  await page.fill("#code-date", "2019-01-24");
  await page.click("#code-submit");
  await page.waitForSelector("#code-events tbody tr");

  const rows = await page.$$eval("#code-events tbody tr",
    (trs) => trs.map((tr) => Array.from(tr.cells, (td) => td.textContent)));
  // The confidence depends on the coder's rules; the test checks it is one.
  assert.equal(rows.length, 1);
  assert.deepEqual(rows[0].slice(0, 4), ["1", "2019-01-23", "VEN (Venezuela)", "USA (United States)"]);
  assert.match(rows[0][4], /^161 \S/, "the event cell holds the code and its name");
  assert.equal(rows[0][5], "-4.0");
  const confidence = Number(rows[0][6]);
  assert.ok(confidence > 0 && confidence <= 1, `confidence ${rows[0][6]}`);
  const marked = await page.$$eval("#code-highlighted mark",
    (marks) => marks.map((m) => m.firstChild.textContent));
  assert.deepEqual(marked, ["Venezuela broke off diplomatic relations with the United States"]);
  assert.equal(await page.textContent("#code-status"), "1 event in 2 sentences.");
  await page.screenshot({ path: `${artifacts}/code-box.png`, fullPage: true });
  assertQuiet(page);
  await page.close();
});

test("the code box refuses an empty date before any request", async () => {
  const page = await openPage(browser, "#view=code");
  await page.fill("#code-text", "Greece condemned Turkey.");
  await page.evaluate(() => { document.getElementById("code-date").value = ""; });
  let posted = false;
  page.on("request", (request) => { if (request.url().endsWith("/api/code")) posted = true; });
  await page.click("#code-submit");
  assert.equal(await page.$eval("#code-date", (input) => input.validity.valueMissing), true);
  assert.equal(posted, false);
  await page.close();
});

test("the code box's controls are reachable with the keyboard", async () => {
  const page = await openPage(browser, "#view=code");
  // A date input takes several Tabs (day, month, year): record each new control reached.
  const focused = [];
  for (let i = 0; i < 60 && focused.at(-1) !== "code-submit"; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement.id);
    if (id !== focused.at(-1)) focused.push(id);
  }
  const start = focused.indexOf("code-text");
  assert.ok(start >= 0, `the text box was never focused: ${focused.join(", ")}`);
  assert.deepEqual(focused.slice(start), ["code-text", "code-date", "code-submit"]);
  await page.close();
});

test("a narrow window still shows the code box", async () => {
  const page = await openPage(browser, "#view=code", { width: 380, height: 700 });
  const box = await page.$eval("#code-text", (el) => el.getBoundingClientRect().width);
  assert.ok(box > 300 && box <= 380, `textarea width ${box}`);
  await page.screenshot({ path: `${artifacts}/code-box-narrow.png` });
  await page.close();
});
