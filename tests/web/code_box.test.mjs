// The dashboard in a real browser: Debian's chromium, headless, driven by
// playwright-core. run_browser_tests.sh starts `dyad serve` and passes its
// address in DYAD_URL; screenshots go to DYAD_ARTIFACTS.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

const url = process.env.DYAD_URL;
const artifacts = process.env.DYAD_ARTIFACTS || ".";
let browser;

before(async () => {
  mkdirSync(artifacts, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

after(async () => {
  await browser?.close();
});

test("the code box codes a typed sentence and highlights its evidence", async () => {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.goto(url);
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
  assert.deepEqual(rows[0].slice(0, 6),
    ["1", "2019-01-23", "VEN (Venezuela)", "USA (United States)", "161", "-4.0"]);
  const confidence = Number(rows[0][6]);
  assert.ok(confidence > 0 && confidence <= 1, `confidence ${rows[0][6]}`);
  const marked = await page.$$eval("#code-highlighted mark",
    (marks) => marks.map((m) => m.firstChild.textContent));
  assert.deepEqual(marked, ["Venezuela broke off diplomatic relations with the United States"]);
  assert.equal(await page.textContent("#code-status"), "1 event in 2 sentences.");
  await page.screenshot({ path: `${artifacts}/code-box.png`, fullPage: true });
  await page.close();
});

test("the code box reports a server error in words", async () => {
  const page = await browser.newPage();
  await page.goto(url);
  await page.fill("#code-text", "Greece condemned Turkey.");
  await page.evaluate(() => { document.getElementById("code-date").value = ""; });
  // An empty date field is refused by the browser's form validation before any request.
  await page.click("#code-submit");
  assert.equal(await page.$eval("#code-date", (input) => input.validity.valueMissing), true);
  await page.close();
});

test("the controls are reachable with the keyboard", async () => {
  const page = await browser.newPage();
  await page.goto(url);
  // A date input takes several Tabs (day, month, year): record each new control reached.
  const focused = [];
  for (let i = 0; i < 10 && focused.at(-1) !== "code-submit"; i++) {
    await page.keyboard.press("Tab");
    const id = await page.evaluate(() => document.activeElement.id);
    if (id !== focused.at(-1)) focused.push(id);
  }
  assert.deepEqual(focused, ["code-text", "code-date", "code-submit"]);
  await page.close();
});

test("a narrow window still shows the code box", async () => {
  const page = await browser.newPage({ viewport: { width: 380, height: 700 } });
  await page.goto(url);
  const box = await page.$eval("#code-text", (el) => el.getBoundingClientRect().width);
  assert.ok(box > 300 && box <= 380, `textarea width ${box}`);
  await page.screenshot({ path: `${artifacts}/code-box-narrow.png` });
  await page.close();
});
