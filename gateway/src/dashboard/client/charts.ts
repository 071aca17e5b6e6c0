/** Charts as inline SVG: bars with their values written on them, hidden cells drawn as such. */

export interface Bar {
  label: string;
  /** Null when the figure is hidden or unavailable. */
  value: number | null;
  /** Shown instead of the value when it is null ("secret", "n/a"). */
  note?: string;
}

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Horizontal bars, one per item, scaled to the largest visible value. */
export function barChart(title: string, bars: Bar[], format: (value: number) => string = String): SVGSVGElement {
  const rowHeight = 22;
  const labelWidth = 190;
  const width = 640;
  const height = 30 + bars.length * rowHeight;
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title, class: "chart" });
  chart.append(svg("text", { x: 0, y: 16, class: "chart-title" }, title));
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  bars.forEach((bar, i) => {
    const y = 26 + i * rowHeight;
    const group = svg("g", { "data-label": bar.label, "data-value": bar.value ?? "" });
    group.append(svg("text", { x: 0, y: y + 14, class: "bar-label" }, bar.label));
    if (bar.value === null) {
      group.append(svg("rect", { x: labelWidth, y: y + 2, width: 60, height: rowHeight - 6, class: "bar hidden-bar" }));
      group.append(svg("text", { x: labelWidth + 66, y: y + 14, class: "bar-value" }, bar.note ?? "secret"));
    } else {
      const length = Math.max(1, ((width - labelWidth - 90) * Math.max(0, bar.value)) / max);
      group.append(svg("rect", { x: labelWidth, y: y + 2, width: length, height: rowHeight - 6, class: "bar" }));
      group.append(svg("text", { x: labelWidth + length + 6, y: y + 14, class: "bar-value" }, format(bar.value)));
    }
    chart.append(group);
  });
  return chart;
}

/** Vertical bars over time, one series per chart (a month's hidden value leaves a marked gap). */
export function timeChart(title: string, bars: Bar[]): SVGSVGElement {
  const width = 640;
  const height = 200;
  const bottom = 170;
  const chart = svg("svg", { width, height, viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": title, class: "chart" });
  chart.append(svg("text", { x: 0, y: 16, class: "chart-title" }, title));
  const max = Math.max(1, ...bars.map((bar) => bar.value ?? 0));
  const step = (width - 20) / Math.max(1, bars.length);
  bars.forEach((bar, i) => {
    const x = 10 + i * step;
    const group = svg("g", { "data-label": bar.label, "data-value": bar.value ?? "" });
    if (bar.value === null) {
      group.append(svg("text", { x: x + step / 2, y: bottom - 4, class: "bar-value hidden-value", "text-anchor": "middle" }, "×"));
    } else {
      const length = ((bottom - 40) * Math.max(0, bar.value)) / max;
      group.append(svg("rect", { x: x + 2, y: bottom - length, width: Math.max(2, step - 4), height: length, class: "bar" }));
      group.append(
        svg("text", { x: x + step / 2, y: bottom - length - 3, class: "bar-value", "text-anchor": "middle" }, String(bar.value)),
      );
    }
    group.append(svg("text", { x: x + step / 2, y: bottom + 14, class: "bar-label", "text-anchor": "middle" }, bar.label.slice(2)));
    chart.append(group);
  });
  return chart;
}
