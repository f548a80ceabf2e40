import type { Scene } from './scene.ts';

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * A circuit seen from far away as two paths: every wire (its branches as polylines, its stub) and every gate's outline,
 * for the nodes and edges at the given indices. Thousands of gates are then two elements, not tens of thousands.
 */
export function sketchPaths(scene: Scene, nodes: readonly number[], edges: readonly number[]): { wires: string; shapes: string } {
  const wires: string[] = [];
  const shapes: string[] = [];
  for (const k of edges) {
    const points = scene.edges[k]?.points ?? [];
    points.forEach((p, j) => wires.push(`${j ? 'L' : 'M'}${r(p.x)},${r(p.y)}`));
  }
  for (const i of nodes) {
    const n = scene.nodes[i];
    if (!n) continue;
    wires.push(`M${r(n.stubStart.x)},${r(n.y)}H${r(n.stubEnd.x)}`);
    if (n.shape === 'terminal') continue;
    const [x, y, w, h] = [r(n.x - n.width / 2), r(n.y - n.height / 2), r(n.width), r(n.height)];
    shapes.push(`M${x},${y}h${w}v${h}h${-w}Z`);
  }
  return { wires: wires.join(''), shapes: shapes.join('') };
}
