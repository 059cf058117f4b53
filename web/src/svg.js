// Small helpers shared by the charts.

// A hatch pattern: the colour with white stripes. `density`: "sparse" or "dense".
export function addHatch(defs, id, colour, density = "dense") {
  const size = density === "dense" ? 5 : 8;
  const pattern = defs.append("pattern")
    .attr("id", id)
    .attr("patternUnits", "userSpaceOnUse")
    .attr("width", size)
    .attr("height", size)
    .attr("patternTransform", "rotate(45)");
  pattern.append("rect").attr("width", size).attr("height", size).attr("fill", colour);
  pattern.append("line")
    .attr("x1", 1).attr("y1", 0).attr("x2", 1).attr("y2", size)
    .attr("stroke", "white").attr("stroke-width", 2).attr("stroke-opacity", 0.7);
  return `url(#${id})`;
}

// A legend of swatches and words that wraps to the chart's width.
// items: [{label, fill, stroke?, dash?, line?}]. Returns the legend's height.
export function drawLegend(group, items, width) {
  const rowHeight = 18;
  let x = 0;
  let y = 0;
  for (const item of items) {
    const itemWidth = 22 + item.label.length * 6.4 + 14;
    if (x > 0 && x + itemWidth > width) {
      x = 0;
      y += rowHeight;
    }
    const entry = group.append("g").attr("transform", `translate(${x},${y})`);
    if (item.line) {
      entry.append("line")
        .attr("x1", 0).attr("x2", 16).attr("y1", 6).attr("y2", 6)
        .attr("stroke", item.stroke).attr("stroke-width", 3)
        .attr("stroke-dasharray", item.dash || null);
      if (item.dot) entry.append("circle").attr("cx", 8).attr("cy", 6).attr("r", 3).attr("fill", item.stroke);
    } else {
      entry.append("rect").attr("width", 14).attr("height", 12)
        .attr("fill", item.fill).attr("stroke", item.stroke || "none");
    }
    entry.append("text").attr("x", 20).attr("y", 10).attr("font-size", 12).attr("fill", "#1b1b1b")
      .text(item.label);
    x += itemWidth;
  }
  return y + rowHeight;
}

// Width available to a chart inside its container.
export function chartWidth(container) {
  return Math.max(260, Math.floor(container.clientWidth || container.parentElement.clientWidth));
}
