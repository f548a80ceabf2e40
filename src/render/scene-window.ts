import type { Scene } from './scene.ts';

/** A rectangle in scene units. */
export interface Rect { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number }

/**
 * What a window of the scene draws: node and edge indices, in the scene's order, and the nodes drawn wherever they
 * are (the current gate, the keyboard's stop); a `sketch` draws all but those as outlines only.
 */
export interface SceneWindow {
  readonly rect: Rect;
  readonly nodes: readonly number[];
  readonly edges: readonly number[];
  readonly pinned: readonly number[];
  readonly sketch: boolean;
}

/** Above and below a scalar wire sit its value and gradient; a tensor wire's blocks reach further (a heatmap, its range). */
const LABEL_REACH = 24;
const TENSOR_REACH = 110;

interface Bounds { readonly nodes: Float64Array; readonly edges: Float64Array }
const boundsOf = new WeakMap<Scene, Bounds>();

/** Each node's and edge's box, four numbers apiece (x0, y0, x1, y1), computed once per scene. */
function bounds(scene: Scene): Bounds {
  let b = boundsOf.get(scene);
  if (b) return b;
  const nodes = new Float64Array(scene.nodes.length * 4);
  scene.nodes.forEach((n, i) => {
    const reach = n.tensor ? TENSOR_REACH : LABEL_REACH;
    nodes.set([n.x - n.width / 2, n.y - Math.max(n.height / 2, reach), Math.max(n.stubEnd.x, n.x + n.width / 2), n.y + Math.max(n.height / 2, reach)], i * 4);
  });
  const edges = new Float64Array(scene.edges.length * 4);
  scene.edges.forEach((e, k) => {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const p of e.points) [x0, y0, x1, y1] = [Math.min(x0, p.x), Math.min(y0, p.y), Math.max(x1, p.x), Math.max(y1, p.y)];
    // A monotone curve between the points stays inside their box, give or take its stroke.
    edges.set([x0 - 2, y0 - 2, x1 + 2, y1 + 2], k * 4);
  });
  b = { nodes, edges };
  boundsOf.set(scene, b);
  return b;
}

const meets = (box: Float64Array, i: number, r: Rect) => (box[i * 4] as number) <= r.x1 && (box[i * 4 + 2] as number) >= r.x0 && (box[i * 4 + 1] as number) <= r.y1 && (box[i * 4 + 3] as number) >= r.y0;

/** The nodes and edges that reach into `rect`, and the nodes in `pinned` wherever they are. */
export function sceneWindow(scene: Scene, rect: Rect, pinned: readonly number[] = [], sketch = false): SceneWindow {
  const { nodes: nb, edges: eb } = bounds(scene);
  const extra = new Set(pinned.filter((i) => Number.isInteger(i) && i >= 0 && i < scene.nodes.length));
  const nodes: number[] = [];
  for (let i = 0; i < scene.nodes.length; i++) if (extra.has(i) || meets(nb, i, rect)) nodes.push(i);
  const edges: number[] = [];
  for (let k = 0; k < scene.edges.length; k++) if (meets(eb, k, rect)) edges.push(k);
  return { rect, nodes, edges, pinned: [...extra].sort((a, b) => a - b), sketch };
}

/** How many nodes reach into `rect` (no lists made). */
export function countIn(scene: Scene, rect: Rect): number {
  const { nodes } = bounds(scene);
  let count = 0;
  for (let i = 0; i < scene.nodes.length; i++) if (meets(nodes, i, rect)) count++;
  return count;
}

/** The part of the scene a view of `width` × `height` pixels shows at transform (x, y, k), grown by `margin` views each side. */
export function viewRect(t: { x: number; y: number; k: number }, width: number, height: number, margin: number): Rect {
  const w = width / t.k;
  const h = height / t.k;
  const x0 = -t.x / t.k;
  const y0 = -t.y / t.k;
  return { x0: x0 - margin * w, y0: y0 - margin * h, x1: x0 + (1 + margin) * w, y1: y0 + (1 + margin) * h };
}

export const contains = (outer: Rect, inner: Rect): boolean => outer.x0 <= inner.x0 && outer.y0 <= inner.y0 && outer.x1 >= inner.x1 && outer.y1 >= inner.y1;
export const area = (r: Rect): number => Math.max(0, r.x1 - r.x0) * Math.max(0, r.y1 - r.y0);
