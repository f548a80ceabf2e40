import { describeShape } from '../core/index.ts';
import type { WireLabels } from './labels.ts';
import type { Scene, SceneNode } from './scene.ts';

/** What a click on a tensor wire may land on: its stub's hit line, its tag, its blocks, or a branch leaving it. */
export const WIRE_TARGETS = 'line.stub-hit, g.shape-tag, g.tensor-label, path.edge.tensor';

/** The node whose tensor wire an element belongs to, or undefined when it is not part of one. */
export function wireOf(target: Element | null, scene: Scene): number | undefined {
  const wire = target?.closest(WIRE_TARGETS);
  if (!wire) return undefined;
  const index = wire.matches('path.edge')
    ? scene.edges[Number(wire.getAttribute('data-edge-index'))]?.source
    : Number(wire.closest('[data-index]')?.getAttribute('data-index'));
  return index !== undefined && Number.isInteger(index) ? index : undefined;
}

const tensorHint = (n: SceneNode) =>
  `${n.wireName || (n.kind === 'gate' ? `${n.label} output` : n.label)}: ${describeShape(n.tensor?.shape ?? [])}; click to inspect it`;

/** The tooltip's text for a hovered element; `cell` is the heatmap cell under the pointer (-1 elsewhere). */
export function describeTarget(target: Element, cell: number, scene: Scene | null, labels: WireLabels | null): string {
  if (target.matches('g.node')) return target.getAttribute('data-full') ?? '';
  const holder = target.closest('[data-index]');
  const index = Number(holder?.getAttribute('data-index'));
  const node = scene?.nodes[index];
  if (target.matches('g.shape-tag, line.stub-hit')) {
    if (node?.tensor && labels?.hiddenTag[index]) return `${node.wireName || 'this wire'}: its shape is still a quiz question`;
    return node?.tensor ? tensorHint(node) : '';
  }
  const kind = holder?.matches('.value') ? 'value' : 'grad';
  if (target.matches('text.cell')) return labels?.element(kind, index, Number(target.getAttribute('data-k'))) ?? '';
  if (target.matches('image.heatmap')) return cell < 0 ? '' : labels?.element(kind, index, cell) ?? '';
  return labels?.full(kind, index) ?? '';
}
