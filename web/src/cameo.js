// Names of the CAMEO event codes, read at bundle time from the codebook
// itself (data/cameo.tsv, embedded as text by esbuild), so the dashboard and
// the engine never disagree. Records from the API that carry a name of their
// own (`code_name`) win.
import codebook from "../../data/cameo.tsv";

const names = new Map();
for (const line of codebook.split("\n")) {
  if (line === "" || line.startsWith("#")) continue;
  const [code, , , name] = line.split("\t");
  if (code && name) names.set(code, name.trim());
}

export function codeName(code) {
  return names.get(code) || "";
}

export function eventName(event) {
  return event.code_name || event.name || codeName(event.code);
}
