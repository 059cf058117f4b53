// Downloads made in the page: a chart as a standalone SVG file or a PNG
// image. Charts set their colours as SVG attributes (not through the page's
// stylesheet), so the file looks like the page.

function save(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function standaloneSvg(svg) {
  const copy = svg.cloneNode(true);
  const { width, height } = svg.getBoundingClientRect();
  copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  copy.setAttribute("width", String(Math.round(width)));
  copy.setAttribute("height", String(Math.round(height)));
  copy.setAttribute("font-family", "system-ui, sans-serif");
  copy.querySelectorAll(".brush").forEach((node) => node.remove());
  const background = document.createElementNS("http://www.w3.org/2000/svg", "rect");
  background.setAttribute("width", "100%");
  background.setAttribute("height", "100%");
  background.setAttribute("fill", "white");
  copy.insertBefore(background, copy.firstChild);
  return { text: new XMLSerializer().serializeToString(copy), width, height };
}

export function downloadSvg(svg, filename) {
  const { text } = standaloneSvg(svg);
  save(new Blob([text], { type: "image/svg+xml" }), `${filename}.svg`);
}

export async function downloadPng(svg, filename, scale = 2) {
  const { text, width, height } = standaloneSvg(svg);
  const image = new Image();
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    image.src = url;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext("2d");
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, "image/png"));
    save(blob, `${filename}.png`);
  } finally {
    URL.revokeObjectURL(url);
  }
}

// Wires the SVG and PNG buttons of a chart: buttons carry
// data-download="svg|png" and sit in an element with data-chart naming the
// chart's container.
export function wireChartDownloads(root, filenameFor) {
  root.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-download]");
    if (!button) return;
    const container = document.getElementById(button.closest("[data-chart]").dataset.chart);
    const svg = container?.querySelector("svg");
    if (!svg) return;
    const filename = filenameFor(container.id);
    if (button.dataset.download === "svg") downloadSvg(svg, filename);
    else downloadPng(svg, filename);
  });
}
