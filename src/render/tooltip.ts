import type * as d3 from 'd3';

/** What the tooltip can describe: scalar labels, gates, a matrix block's numbers, a heatmap's cells, a shape tag. */
const TARGETS = 'text.value, text.grad, text.cell, image.heatmap, g.shape-tag, line.stub-hit, g.node';

interface Box { x: number; y: number; width: number; height: number }

/**
 * One shared tooltip for the whole drawing: hovering a label or a gate shows its full value or description,
 * computed for the element hovered, instead of a <title> on each of thousands of elements. Over a heatmap it
 * follows the pointer from cell to cell; `describe` gets the cell's element index (-1 elsewhere).
 */
export function attachTooltip(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  viewport: d3.Selection<SVGGElement, unknown, null, undefined>,
  describe: (target: Element, cell: number) => string,
): void {
  const tip = viewport.append('g').attr('class', 'tooltip').attr('visibility', 'hidden').attr('pointer-events', 'none');
  const box = tip.append('rect').attr('rx', 4);
  const text = tip.append('text').attr('class', 'tooltip-text').attr('font-size', 12);
  const hide = () => void tip.attr('visibility', 'hidden');
  const show = (event: PointerEvent) => {
    const target = (event.target as Element | null)?.closest(TARGETS) as SVGGraphicsElement | null;
    if (!target) return hide();
    const heat = target.matches('image.heatmap') ? heatCell(target as SVGImageElement, event) : undefined;
    const full = describe(target, heat?.k ?? -1);
    if (!full || heat?.k === -1) return hide();
    const bounds: Box = heat?.box ?? target.getBBox();
    const ctm = target.getCTM();
    const parent = viewport.node()?.getCTM();
    const offset = ctm && parent ? parent.inverse().multiply(ctm) : null;
    const x = (offset?.e ?? 0) + bounds.x;
    const y = (offset?.f ?? 0) + bounds.y - 8;
    text.text(full).attr('x', x + 6).attr('y', y - 6);
    const width = (text.node()?.getComputedTextLength() ?? 0) + 12;
    box.attr('x', x).attr('y', y - 21).attr('width', width).attr('height', 21);
    tip.attr('visibility', 'visible').raise();
  };
  svg.on('pointerover.tooltip', show);
  // Only a heatmap changes what it describes as the pointer moves within it.
  svg.on('pointermove.tooltip', (event: PointerEvent) => {
    if ((event.target as Element | null)?.matches?.('image.heatmap')) show(event);
  });
  svg.on('pointerout.tooltip', hide);
}

/** The cell under the pointer: its element index (row by row; -1 past the last element) and its box in the image's units. */
export function heatCell(image: SVGImageElement, event: { clientX: number; clientY: number }): { k: number; box: Box } {
  const rows = Number(image.getAttribute('data-rows'));
  const cols = Number(image.getAttribute('data-cols'));
  const count = Number(image.getAttribute('data-count'));
  const x = Number(image.getAttribute('x'));
  const y = Number(image.getAttribute('y'));
  const cw = Number(image.getAttribute('width')) / cols;
  const ch = Number(image.getAttribute('height')) / rows;
  const m = image.getScreenCTM();
  const p = m ? new DOMPoint(event.clientX, event.clientY).matrixTransform(m.inverse()) : { x, y };
  const col = Math.min(cols - 1, Math.max(0, Math.floor((p.x - x) / cw)));
  const row = Math.min(rows - 1, Math.max(0, Math.floor((p.y - y) / ch)));
  const k = row * cols + col;
  return { k: k < count ? k : -1, box: { x: x + col * cw, y: y + row * ch, width: cw, height: ch } };
}
