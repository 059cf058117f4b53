// The dashboard's page state and dates, without a browser: the URL hash
// round-trips, wrong values fall back to defaults, and periods end where the
// series' periods end.
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseState, formatState, eventParams, seriesParams, defaults } from "../../web/src/state.js";
import { periodEnd, formatWithPrecision } from "../../web/src/dates.js";

test("a state survives the URL hash, and defaults are left out", () => {
  const state = { ...defaults, a: "VEN", b: "USA", dir: "ab", from: "2019-01-01", to: "2019-12-31",
    by: "week", hist: "no", sort: "goldstein", desc: true, page: 2, event: "5d0bd2dc5c1d5f44", min: 3 };
  const hash = formatState(state);
  assert.equal(hash,
    "a=VEN&b=USA&dir=ab&from=2019-01-01&to=2019-12-31&by=week&hist=no&sort=goldstein&desc=1&page=2" +
    "&event=5d0bd2dc5c1d5f44&min=3");
  assert.deepEqual(parseState(`#${hash}`), state);
  assert.equal(formatState(defaults), "");
  assert.deepEqual(parseState(""), defaults);
});

test("wrong values in a hand-edited URL fall back to the defaults", () => {
  const state = parseState("#view=chart&by=fortnight&from=2019-13&page=-1&min=0&sort=name&unknown=1&b=USA");
  assert.equal(state.view, "dyad");
  assert.equal(state.by, "month");
  assert.equal(state.from, "");
  assert.equal(state.page, 0);
  assert.equal(state.min, 1);
  assert.equal(state.sort, "date");
  // A lone second actor becomes the first.
  assert.equal(state.a, "USA");
  assert.equal(state.b, "");
});

test("the state maps to the API's parameters", () => {
  const both = { ...defaults, a: "VEN", b: "USA", from: "2019-01-01" };
  assert.deepEqual(eventParams(both), { from: "2019-01-01", to: "", dyad: "VEN,USA", sort: "date" });
  assert.deepEqual(eventParams({ ...both, dir: "ab", desc: true, hist: "no" }),
    { from: "2019-01-01", to: "", dyad: "VEN,USA", directed: "true", historical: "no", sort: "date", desc: "true" });
  assert.deepEqual(eventParams({ ...defaults, a: "VEN" }), { from: "", to: "", actor: "VEN", sort: "date" });
  assert.deepEqual(eventParams({ ...defaults, a: "VEN", dir: "ab" }), { from: "", to: "", source: "VEN", sort: "date" });
  assert.deepEqual(seriesParams({ ...both, by: "year", dir: "ab" }),
    { actor: "VEN", other: "USA", by: "year", from: "2019-01-01", to: "", directed: "true" });
});

test("a period ends on its last day", () => {
  assert.equal(periodEnd("2019-02-01", "month"), "2019-02-28");
  assert.equal(periodEnd("2020-02-01", "month"), "2020-02-29");
  assert.equal(periodEnd("2019-12-01", "month"), "2019-12-31");
  assert.equal(periodEnd("2018-12-31", "week"), "2019-01-06");
  assert.equal(periodEnd("2019-01-01", "year"), "2019-12-31");
  assert.equal(periodEnd("2019-03-10", "day"), "2019-03-10");
  assert.equal(formatWithPrecision("2019-01-01", "year"), "2019");
  assert.equal(formatWithPrecision("2019-04-01", "month"), "2019-04");
  assert.equal(formatWithPrecision("2019-04-07", "day"), "2019-04-07");
});
