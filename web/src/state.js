// The page state lives in the URL's hash, so a link reproduces the view and
// the browser's back button undoes a step:
//   #view=dyad&a=VEN&b=USA&dir=ab&from=2019-01-01&to=2019-12-31&by=week
//    &hist=no&sort=goldstein&desc=1&page=2&event=5d0bd2dc5c1d5f44&min=2
// Values equal to the default are left out.

export const defaults = Object.freeze({
  view: "dyad",     // dyad | network | code
  a: "",            // first actor (code)
  b: "",            // second actor, empty: A against everyone
  dir: "both",      // both | ab (A acts on B only)
  from: "",
  to: "",
  by: "month",      // day | week | month | year
  hist: "any",      // any | no | yes
  sort: "date",     // date | mentions | goldstein
  desc: false,
  page: 0,
  event: "",        // the event whose evidence is open
  min: 1,           // network: least events for an edge
});

const choices = {
  view: ["dyad", "network", "code"],
  dir: ["both", "ab"],
  by: ["day", "week", "month", "year"],
  hist: ["any", "no", "yes"],
  sort: ["date", "mentions", "goldstein"],
};
const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function parseState(hash) {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const state = { ...defaults };
  for (const [name, value] of params) {
    if (!(name in defaults)) continue;
    if (name in choices) {
      if (choices[name].includes(value)) state[name] = value;
    } else if (name === "from" || name === "to") {
      if (datePattern.test(value)) state[name] = value;
    } else if (name === "desc") {
      state.desc = value === "1" || value === "true";
    } else if (name === "page" || name === "min") {
      const number = Number.parseInt(value, 10);
      if (Number.isFinite(number) && number >= (name === "min" ? 1 : 0)) state[name] = number;
    } else {
      state[name] = value.trim();
    }
  }
  if (!state.a && state.b) [state.a, state.b] = [state.b, ""];
  return state;
}

export function formatState(state) {
  const params = new URLSearchParams();
  for (const name of Object.keys(defaults)) {
    const value = state[name];
    if (value === defaults[name] || value === undefined || value === null) continue;
    params.set(name, name === "desc" ? (value ? "1" : "0") : String(value));
  }
  return params.toString();
}

// Parameters shared by the event list and its CSV download.
export function eventParams(state) {
  const params = { from: state.from, to: state.to };
  if (state.hist !== "any") params.historical = state.hist;
  if (state.b) {
    params.dyad = `${state.a},${state.b}`;
    if (state.dir === "ab") params.directed = "true";
  } else if (state.dir === "ab") {
    params.source = state.a;
  } else {
    params.actor = state.a;
  }
  params.sort = state.sort;
  if (state.desc) params.desc = "true";
  return params;
}

export function seriesParams(state) {
  const params = { actor: state.a, other: state.b, by: state.by, from: state.from, to: state.to };
  if (state.dir === "ab") params.directed = "true";
  if (state.hist !== "any") params.historical = state.hist;
  return params;
}

export function networkParams(state) {
  const params = { from: state.from, to: state.to };
  if (state.hist !== "any") params.historical = state.hist;
  if (state.min > 1) params.min_events = state.min;
  return params;
}

// A key per panel: the panel reloads only when its key changes.
export function panelKey(params) {
  return JSON.stringify(params);
}
