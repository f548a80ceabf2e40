import type * as d3 from 'd3';

/**
 * One shared tooltip for the whole drawing: hovering a label or a gate shows its full value or description,
 * computed for the element hovered, instead of a <title> on each of thousands of elements.
 */
export function attachTooltip(
  svg: d3.Selection<SVGSVGElement, unknown, null, undefined>,
  viewport: d3.Selection<SVGGElement, unknown, null, undefined>,
  describe: (target: Element) => string,
): void {
  const tip = viewport.append('g').attr('class', 'tooltip').attr('visibility', 'hidden').attr('pointer-events', 'none');
  const box = tip.append('rect').attr('rx', 4);
  const text = tip.append('text').attr('class', 'tooltip-text').attr('font-size', 12);
  svg.on('pointerover.tooltip', (event: PointerEvent) => {
    const target = (event.target as Element | null)?.closest('text.value, text.grad, g.node');
    const full = target ? describe(target) : '';
    if (!target || !full) return void tip.attr('visibility', 'hidden');
    const bounds = (target as SVGGraphicsElement).getBBox();
    const ctm = (target as SVGGraphicsElement).getCTM();
    const parent = viewport.node()?.getCTM();
    const offset = ctm && parent ? parent.inverse().multiply(ctm) : null;
    const x = (offset?.e ?? 0) + bounds.x;
    const y = (offset?.f ?? 0) + bounds.y - 8;
    text.text(full).attr('x', x + 6).attr('y', y - 6);
    const width = (text.node()?.getComputedTextLength() ?? 0) + 12;
    box.attr('x', x).attr('y', y - 21).attr('width', width).attr('height', 21);
    tip.attr('visibility', 'visible').raise();
  });
  svg.on('pointerout.tooltip', () => tip.attr('visibility', 'hidden'));
}
