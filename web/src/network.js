// The network of the period (GET /api/network): actors as nodes sized by
// their events, and for each pair (both directions together) two parallel
// strokes — cooperation (blue, solid) and conflict (vermillion, dashed) — as
// wide as their counts.
// Clicking an edge, or pressing Enter on it, selects that dyad. The layout is
// a d3-force simulation run to rest before drawing, so it is the same on
// every load of the same data.
import { select } from "d3-selection";
import { scaleSqrt } from "d3-scale";
import { forceSimulation, forceLink, forceManyBody, forceCenter, forceCollide, forceX, forceY }
  from "d3-force";
import { max } from "d3-array";
import { cooperationColour, conflictColour } from "./palette.js";
import { drawLegend, chartWidth } from "./svg.js";

const conflictDash = "6 3";

// The API's edges are directed (source acts on target); the picture and the
// dyad view are both ways, so each pair of actors becomes one edge with the
// counts of both directions. The pair is named from its busier direction.
export function undirectedPairs(edges) {
  const pairs = new Map();
  for (const edge of edges) {
    const key = [edge.source, edge.target].sort().join("\u0000");
    let pair = pairs.get(key);
    if (!pair) {
      pair = { source: edge.source, target: edge.target, events: 0, cooperation: 0, conflict: 0,
        goldstein_sum: 0, mentions: 0, directions: [] };
      pairs.set(key, pair);
    }
    for (const name of ["events", "cooperation", "conflict", "goldstein_sum", "mentions"]) {
      pair[name] += Number(edge[name]) || 0;
    }
    pair.directions.push(edge);
  }
  for (const pair of pairs.values()) {
    pair.goldstein_sum = Math.round(pair.goldstein_sum * 100) / 100;
    const busiest = [...pair.directions].sort((x, y) =>
      y.events - x.events || x.source.localeCompare(y.source))[0];
    pair.source = busiest.source;
    pair.target = busiest.target;
  }
  return [...pairs.values()];
}

export function edgeLabel(pair) {
  const directions = (pair.directions || []).length > 1
    ? ` (${pair.directions.map((d) => `${d.source}→${d.target} ${d.events}`).join(", ")})` : "";
  return `${pair.source}–${pair.target}: ${pair.events} event${pair.events === 1 ? "" : "s"}${directions}, ` +
    `${pair.cooperation} cooperation, ${pair.conflict} conflict, Goldstein sum ${pair.goldstein_sum}`;
}

export function renderNetwork(container, answer, { onSelect, selected = [] } = {}) {
  const root = select(container);
  root.selectAll("*").remove();
  const edges = undirectedPairs(answer.edges || []);
  if (edges.length === 0) {
    root.append("p").attr("class", "empty").text("No pairs of actors in this period.");
    return;
  }
  const width = chartWidth(container);
  const height = Math.max(320, Math.min(640, Math.round(width * 0.7)));
  const nodes = (answer.nodes || []).map((node) => ({ ...node }));
  const known = new Set(nodes.map((node) => node.id));
  for (const edge of edges) {
    for (const id of [edge.source, edge.target]) {
      if (!known.has(id)) {
        nodes.push({ id, events: edge.events });
        known.add(id);
      }
    }
  }
  const radius = scaleSqrt().domain([0, max(nodes, (n) => n.events) || 1]).range([4, width < 520 ? 14 : 20]);
  const stroke = scaleSqrt().domain([0, max(edges, (e) => Math.max(e.cooperation, e.conflict)) || 1])
    .range([0, width < 520 ? 6 : 9]);
  // Heavy edges first, so light ones are drawn on top and stay clickable.
  const links = edges.map((edge) => ({ source: edge.source, target: edge.target, edge }))
    .sort((x, y) => y.edge.events - x.edge.events);
  const spacing = Math.sqrt((width * height) / Math.max(1, nodes.length));

  const simulation = forceSimulation(nodes)
    .force("link", forceLink(links).id((node) => node.id).distance(Math.max(60, spacing * 0.7)))
    .force("charge", forceManyBody().strength(-Math.max(200, spacing * 3)))
    .force("center", forceCenter(width / 2, height / 2))
    .force("x", forceX(width / 2).strength(0.06))
    .force("y", forceY(height / 2).strength(0.08))
    .force("collide", forceCollide((node) => radius(node.events) + 14))
    .stop();
  for (let i = 0; i < 300; i++) simulation.tick();
  const pad = 28;
  for (const node of nodes) {
    node.x = Math.max(pad, Math.min(width - pad, node.x));
    node.y = Math.max(pad, Math.min(height - pad, node.y));
  }

  const svg = root.append("svg").attr("class", "chart network").attr("width", width)
    .attr("height", height).attr("viewBox", `0 0 ${width} ${height}`)
    .attr("role", "group")
    .attr("aria-label", `Network: ${nodes.length} actors, ${edges.length} pairs. Each pair is a button.`);
  const legend = svg.append("g").attr("transform", "translate(8,6)");
  drawLegend(legend, [
    { label: "cooperation (solid)", line: true, stroke: cooperationColour },
    { label: "conflict (dashed)", line: true, stroke: conflictColour, dash: conflictDash },
  ], width - 16);

  const isSelected = (edge) => selected.length === 2 &&
    ((edge.source === selected[0] && edge.target === selected[1]) ||
     (edge.source === selected[1] && edge.target === selected[0]));
  const edgeGroups = svg.append("g").attr("class", "edges").selectAll("g").data(links).join("g")
    .attr("class", (link) => `edge${isSelected(link.edge) ? " selected" : ""}`)
    .attr("tabindex", 0)
    .attr("role", "button")
    .attr("data-source", (link) => link.edge.source)
    .attr("data-target", (link) => link.edge.target)
    .attr("aria-label", (link) => `Select ${edgeLabel(link.edge)}`);
  edgeGroups.append("title").text((link) => edgeLabel(link.edge));
  edgeGroups.each(function drawEdge(link) {
    const group = select(this);
    const { x: x1, y: y1 } = link.source;
    const { x: x2, y: y2 } = link.target;
    const length = Math.hypot(x2 - x1, y2 - y1) || 1;
    const nx = -(y2 - y1) / length;
    const ny = (x2 - x1) / length;
    const cooperation = stroke(link.edge.cooperation);
    const conflict = stroke(link.edge.conflict);
    group.append("line").attr("class", "hit")
      .attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2)
      .attr("stroke", "transparent").attr("stroke-width", Math.max(10, cooperation + conflict + 4));
    group.append("line").attr("class", "focus-ring").attr("pointer-events", "none")
      .attr("x1", x1).attr("y1", y1).attr("x2", x2).attr("y2", y2)
      .attr("stroke", "#1b1b1b").attr("stroke-opacity", 0)
      .attr("stroke-width", cooperation + conflict + 6);
    const strand = (width, side, colour, dash, className) => {
      if (width <= 0) return;
      const offset = side * (width / 2 + 0.75);
      group.append("line").attr("class", className)
        .attr("x1", x1 + nx * offset).attr("y1", y1 + ny * offset)
        .attr("x2", x2 + nx * offset).attr("y2", y2 + ny * offset)
        .attr("stroke", colour).attr("stroke-width", Math.max(1.5, width))
        .attr("stroke-dasharray", dash).attr("stroke-linecap", "butt").attr("pointer-events", "none");
    };
    strand(link.edge.cooperation > 0 ? cooperation : 0, 1, cooperationColour, null, "cooperation");
    strand(link.edge.conflict > 0 ? conflict : 0, -1, conflictColour, conflictDash, "conflict");
  });
  const choose = (link) => onSelect?.(link.edge.source, link.edge.target);
  edgeGroups.on("click", (event, link) => choose(link));
  edgeGroups.on("keydown", (event, link) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      choose(link);
    }
  });

  const nodeGroups = svg.append("g").attr("class", "nodes").selectAll("g").data(nodes).join("g")
    .attr("class", "node").attr("data-id", (node) => node.id).attr("pointer-events", "none")
    .attr("transform", (node) => `translate(${node.x},${node.y})`);
  nodeGroups.append("title").text((node) => `${node.id}: ${node.events} events`);
  nodeGroups.append("circle").attr("r", (node) => radius(node.events))
    .attr("fill", "white").attr("stroke", "#1b1b1b").attr("stroke-width", 1.5);
  nodeGroups.append("text").attr("font-size", 11).attr("font-weight", 600)
    .attr("text-anchor", "middle").attr("dy", (node) => -radius(node.events) - 4)
    .attr("paint-order", "stroke").attr("stroke", "white").attr("stroke-width", 3)
    .attr("fill", "#1b1b1b").text((node) => node.id);
}
