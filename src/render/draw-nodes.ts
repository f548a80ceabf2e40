import * as d3 from 'd3';
import { FOCUS_RING_GAP, GATE_FONT, TERMINAL_FONT } from './constants.ts';
import type { Scene, SceneNode } from './scene.ts';

/** Gates as circles (or rounded boxes for long labels), inputs and constants as their name; each with its output stub. */
export function drawNodes(
  layer: d3.Selection<d3.BaseType, unknown, null, undefined>,
  scene: Scene,
  duration: number,
  onClick: (index: number, target: Element) => void,
): void {
  const groups = layer.selectAll<SVGGElement, SceneNode>('g.node').data(scene.nodes, (n) => n.id);
  groups.exit().remove();
  const entered = groups.enter().append('g').attr('transform', (n) => `translate(${n.x},${n.y})`);
  entered.append('line').attr('class', 'stub');
  entered.append('rect').attr('class', 'shape');
  entered.append('text').attr('class', 'gate-label').attr('dy', '0.35em');
  // Drawn only while the node has the keyboard focus (see styles.css), around its shape and the wire it drives.
  entered.append('rect').attr('class', 'focus-ring');

  const merged = entered.merge(groups)
    .attr('class', (n) => `node ${n.kind} ${n.shape}${n.isOutput ? ' output' : ''}${n.composite !== undefined ? ' grouped' : ''}${isGroupable(n) ? ' groupable' : ''}${n.tensorGate ? ' tensor-gate' : ''}`)
    .attr('data-id', (n) => n.id)
    .attr('data-index', (n) => n.index)
    .attr('data-full', (n) => describeNode(n))
    .on('click', (event: MouseEvent, n) => onClick(n.index, event.target as Element));
  (duration ? merged.transition().duration(duration) : merged).attr('transform', (n) => `translate(${n.x},${n.y})`);

  merged.select('line.stub')
    .classed('tensor', (n) => n.tensor !== undefined)
    .attr('x1', (n) => n.stubStart.x - n.x).attr('x2', (n) => n.stubEnd.x - n.x).attr('y1', 0).attr('y2', 0);
  // A tensor wire's stub gets a wider invisible twin, easy to click for its inspector; scalar wires stay as they were.
  merged.each(function (n) {
    const hit = this.querySelector('line.stub-hit');
    if (n.tensor && !hit) d3.select(this).insert('line', 'rect.shape').attr('class', 'stub-hit');
    else if (!n.tensor) hit?.remove();
  });
  merged.select('line.stub-hit')
    .attr('x1', (n) => n.stubStart.x - n.x).attr('x2', (n) => n.stubEnd.x - n.x).attr('y1', 0).attr('y2', 0);
  merged.select('rect.shape')
    .attr('x', (n) => -n.width / 2).attr('y', (n) => -n.height / 2)
    .attr('width', (n) => n.width).attr('height', (n) => n.height)
    .attr('rx', (n) => (n.shape === 'circle' ? n.width / 2 : n.shape === 'box' ? 12 : 0));
  merged.select('rect.focus-ring')
    .attr('x', (n) => -n.width / 2 - FOCUS_RING_GAP).attr('y', (n) => -n.height / 2 - FOCUS_RING_GAP)
    .attr('width', (n) => n.stubEnd.x - n.x + n.width / 2 + 2 * FOCUS_RING_GAP).attr('height', (n) => n.height + 2 * FOCUS_RING_GAP)
    .attr('rx', 8);
  merged.select('text.gate-label')
    .attr('text-anchor', (n) => (n.shape === 'terminal' ? 'end' : 'middle'))
    .attr('x', (n) => (n.shape === 'terminal' ? n.width / 2 - 2 : 0))
    .attr('font-size', (n) => (n.shape === 'terminal' ? TERMINAL_FONT : GATE_FONT))
    .text((n) => n.label);
}

function isGroupable(n: SceneNode): boolean {
  return n.composite === 'sigmoid' || n.label === 'σ';
}

function describeNode(n: SceneNode): string {
  if (n.kind === 'input') return `input ${n.label}`;
  if (n.kind === 'const') return `constant ${n.label}`;
  const hint = n.label === 'σ' ? ' (click to expand into *-1, exp, +1, 1/x)'
    : n.composite === 'sigmoid' ? ' (click to group back into one σ gate)'
    : n.composite === 'softmax' ? ' (part of softmax, expanded; click to go to its step)'
    : n.tensorGate ? ' (click for its Jacobian lens, or press j when it is the current gate)'
    : ' (click to go to the step that computes it)';
  return `${n.label} gate${n.wireName ? ` computing ${n.wireName}` : ''}${hint}`;
}
