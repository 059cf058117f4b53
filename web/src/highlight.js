// Spans in records count Unicode code points; JavaScript strings count UTF-16
// units, so text is handled as an array of code points.

// `marks`: [{begin, end, label, className}] in code points. Overlapping marks:
// the first (by begin, longest first) is shown. Returns a DocumentFragment.
export function highlight(text, marks) {
  const chars = Array.from(text);
  const sorted = [...marks].sort((x, y) => x.begin - y.begin || y.end - x.end);
  const fragment = document.createDocumentFragment();
  let position = 0;
  for (const mark of sorted) {
    if (mark.begin < position || mark.end <= mark.begin) continue;
    fragment.append(chars.slice(position, mark.begin).join(""));
    const element = document.createElement("mark");
    if (mark.className) element.className = mark.className;
    if (mark.id) element.dataset.event = mark.id;
    element.append(chars.slice(mark.begin, mark.end).join(""));
    if (mark.label) {
      const number = document.createElement("sup");
      number.textContent = mark.label;
      element.append(number);
    }
    fragment.append(element);
    position = mark.end;
  }
  fragment.append(chars.slice(position).join(""));
  return fragment;
}
