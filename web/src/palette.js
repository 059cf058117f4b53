// Colours of the Okabe–Ito palette (Okabe & Ito, "Color Universal Design",
// 2008), told apart with the common colour-vision deficiencies. Colour is
// never the only cue: cooperation is drawn above the axis and conflict below,
// conflict fills are hatched and conflict edges dashed, and every band and
// legend entry carries a word.
export const okabeIto = {
  black: "#000000",
  orange: "#E69F00",
  skyBlue: "#56B4E9",
  bluishGreen: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  reddishPurple: "#CC79A7",
  grey: "#8a8a8a",
};

// QuadClass 1..4, in the order of the series' keys.
export const quadClasses = [
  { key: "verbal_cooperation", label: "Verbal cooperation", colour: okabeIto.skyBlue,
    conflict: false },
  { key: "material_cooperation", label: "Material cooperation", colour: okabeIto.blue,
    conflict: false },
  { key: "verbal_conflict", label: "Verbal conflict", colour: okabeIto.orange, conflict: true },
  { key: "material_conflict", label: "Material conflict", colour: okabeIto.vermillion,
    conflict: true },
];

export const cooperationColour = okabeIto.blue;
export const conflictColour = okabeIto.vermillion;

// Relation statuses (docs/api.md, GET /api/status) with a colour and a
// pattern: the worse the relation, the denser the hatching.
export const statuses = {
  "established": { colour: okabeIto.bluishGreen, hatch: null },
  "upgraded": { colour: okabeIto.blue, hatch: null },
  "restored": { colour: okabeIto.skyBlue, hatch: null },
  "downgraded": { colour: okabeIto.yellow, hatch: "sparse" },
  "ambassador recalled": { colour: okabeIto.orange, hatch: "sparse" },
  "ambassador expelled": { colour: okabeIto.reddishPurple, hatch: "dense" },
  "severed": { colour: okabeIto.vermillion, hatch: "dense" },
};

export function statusStyle(status) {
  return statuses[status] || { colour: okabeIto.grey, hatch: null };
}
