// Shared set-up of the browser tests: Debian's chromium driven by
// playwright-core, the address of the `dyad serve --db` under test
// (DYAD_URL, from run_browser_tests.sh) and a watch on the browser console.
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { chromium } from "playwright-core";

export const baseUrl = process.env.DYAD_URL;
export const artifacts = process.env.DYAD_ARTIFACTS || ".";

export async function launch() {
  mkdirSync(artifacts, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

// A page whose console errors and uncaught exceptions are collected:
// `page.problems` lists them, `assertQuiet(page)` fails the test on any.
export async function openPage(browser, hash = "", { width = 1280, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, acceptDownloads: true });
  const page = await context.newPage();
  page.problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") page.problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => page.problems.push(`exception: ${error.message}`));
  await page.goto(`${baseUrl}${hash}`);
  return page;
}

export function assertQuiet(page) {
  assert.deepEqual(page.problems, [], "the page logged errors");
}

// The API as the test sees it, to compare the page with.
export async function api(path) {
  const response = await fetch(new URL(`api/${path}`, baseUrl));
  assert.equal(response.ok, true, `GET /api/${path}: HTTP ${response.status}`);
  const type = response.headers.get("content-type") || "";
  return type.includes("json") ? response.json() : response.text();
}

export function hashParams(page) {
  return new URLSearchParams(new URL(page.url()).hash.replace(/^#/, ""));
}

export async function waitForHash(page, name, value) {
  await page.waitForFunction(([n, v]) =>
    new URLSearchParams(location.hash.slice(1)).get(n) === v, [name, value]);
}

// Rows of the events table once a load has finished.
export async function eventRows(page) {
  await page.waitForSelector("#events-table[aria-busy=false] tbody tr");
  return page.$$eval("#events-table tbody tr", (rows) => rows.map((row) => ({
    id: row.dataset.id,
    cells: Array.from(row.cells, (cell) => cell.textContent),
  })));
}

// RFC 4180 CSV, enough for the store's exports.
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ",") {
      row.push(field); field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field); rows.push(row); row = []; field = "";
    } else {
      field += c;
    }
  }
  if (field !== "" || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}
