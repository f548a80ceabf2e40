import { describe, expect, it } from 'vitest';
import { compileSource } from '../core/index.ts';
import { EXAMPLES } from '../core/examples.ts';
import { asScalars } from '../core/transforms/as-scalars.ts';
import { buildScene, type Scene } from './scene.ts';

function sceneOf(source: string): Scene {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return buildScene(compiled.circuit);
}

const byId = (scene: Scene, id: string) => {
  const node = scene.nodes.find((n) => n.id === id);
  if (!node) throw new Error(`no node ${id}`);
  return node;
};

describe('the scene of a circuit', () => {
  it('draws the lecture’s first example as on the slide: inputs left, + between x and y, * to the right', () => {
    const scene = sceneOf('x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
    const [x, y, z, q, f] = ['x', 'y', 'z', 'q', 'f'].map((id) => byId(scene, id));
    expect(x!.x).toBe(y!.x);
    expect(x!.y).toBeLessThan(y!.y);
    expect(y!.y).toBeLessThan(z!.y);
    expect(q!.x).toBeGreaterThan(x!.stubEnd.x);
    expect(q!.y).toBeGreaterThan(x!.y);
    expect(q!.y).toBeLessThan(y!.y);
    expect(f!.x).toBeGreaterThan(q!.stubEnd.x);
    expect(f!.isOutput).toBe(true);
    expect(scene.nodes.every((n) => n === f || n.stubEnd.x < f!.x)).toBe(true);
  });

  it('keeps every input of the 2-layer net drawn as scalars in the first column, left of every gate', () => {
    const compiled = compileSource(EXAMPLES.find((e) => e.id === 'two-layer-net')!.source);
    if (!compiled.ok) throw new Error(compiled.error.message);
    const expanded = asScalars(compiled.circuit, () => 0.5);
    if (!expanded.ok) throw new Error('too big');
    const scene = buildScene(expanded.circuit);
    const inputs = scene.nodes.filter((n) => n.kind === 'input');
    const gates = scene.nodes.filter((n) => n.kind === 'gate');
    expect(inputs.length).toBe(3 + 12 + 12);
    expect(new Set(inputs.map((n) => n.x)).size).toBe(1);
    const firstGate = Math.min(...gates.map((n) => n.x - n.width / 2));
    expect(inputs.every((n) => n.stubEnd.x < firstGate)).toBe(true);
  });

  it('labels gates as the slides do, with circles for short labels and boxes for long ones', () => {
    const scene = sceneOf('a = 2; b = 1\nu = -1 * a\nv = exp(u)\np = v + 1\nf = tanh(1 / p) * b');
    expect(byId(scene, 'u').label).toBe('*-1');
    expect(byId(scene, 'p').label).toBe('+1');
    expect(byId(scene, 'f~1').label).toBe('1/x');
    expect(byId(scene, 'v')).toMatchObject({ label: 'exp', shape: 'circle' });
    expect(byId(scene, 'f~2')).toMatchObject({ label: 'tanh', shape: 'box' });
    expect(byId(scene, 'u').wireName).toBe('u');
  });

  it('runs every wire from its source’s stub to the side of its target, two inputs entering above and below', () => {
    const scene = sceneOf('x = 1; y = 2; f = x * y + x');
    for (const edge of scene.edges) {
      const from = scene.nodes[edge.source]!;
      const to = scene.nodes[edge.target]!;
      expect(edge.points[0]).toEqual(from.stubEnd);
      const end = edge.points.at(-1)!;
      expect(end.x).toBeLessThanOrEqual(to.x);
      expect(Math.hypot(end.x - to.x, end.y - to.y)).toBeCloseTo(to.width / 2, 6);
    }
    const mul = byId(scene, 'f~1');
    const [first, second] = scene.edges.filter((e) => e.target === mul.index).map((e) => e.points.at(-1)!.y);
    expect(first).toBeLessThan(mul.y);
    expect(second).toBeGreaterThan(mul.y);
  });

  it('gives every branch of a fanned-out wire its own edge id', () => {
    const scene = sceneOf('x = 3; f = x * x + x');
    const ids = scene.edges.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(scene.edges.filter((e) => scene.nodes[e.source]?.id === 'x')).toHaveLength(3);
  });

  it('reserves room for every tensor block: inside its stub, and clear of every gate, tag and other block', () => {
    const scene = sceneOf('X = [[0,0,1],[0,1,1],[1,0,1],[1,1,1]]; y = [[0],[1],[1],[0]]; syn0 = randn(3, 4); syn1 = randn(4, 1)\n'
      + 'l1 = sigmoid(X @ syn0); l2 = sigmoid(l1 @ syn1); L = 0.5 * sum((y - l2)^2)');
    type Box = { what: string; x0: number; y0: number; x1: number; y1: number };
    const boxes: Box[] = scene.nodes.map((n) => ({ what: `gate ${n.id}`, x0: n.x - n.width / 2, y0: n.y - n.height / 2, x1: n.x + n.width / 2, y1: n.y + n.height / 2 }));
    for (const n of scene.nodes) {
      const t = n.tensor;
      if (!t) continue;
      const { width, height } = t.block;
      for (const [kind, top] of [['value', t.valueY], ['grad', t.gradY]] as const) {
        expect(t.blockX).toBeGreaterThan(n.stubStart.x);
        expect(t.blockX + width).toBeLessThan(n.stubEnd.x);
        expect(kind === 'value' ? top + height : top).toBeCloseTo(kind === 'value' ? n.y - 6 : n.y + 6, 6);
        boxes.push({ what: `${kind} ${n.id}`, x0: t.blockX, y0: top, x1: t.blockX + width, y1: top + height });
      }
      boxes.push({ what: `tag ${n.id}`, x0: t.tagX - t.tagWidth / 2, y0: n.y - 7, x1: t.tagX + t.tagWidth / 2, y1: n.y + 7 });
    }
    const overlaps = boxes.flatMap((a, i) => boxes.slice(i + 1)
      .filter((b) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1)
      .map((b) => `${a.what} overlaps ${b.what}`));
    expect(overlaps).toEqual([]);
    expect(scene.nodes.filter((n) => n.tensor)).toHaveLength(10);
  });

  it('keeps a scalar circuit’s scene free of tensor parts', () => {
    const scene = sceneOf('x = -2; y = 5; z = -4; f = (x + y) * z');
    expect(scene.nodes.some((n) => n.tensor || n.tensorGate)).toBe(false);
    expect(scene.nodes.every((n) => n.stubEnd.x - n.stubStart.x >= 74)).toBe(true);
  });

  it('makes a scalar wire’s stub long enough for its name and a number side by side', () => {
    const scene = sceneOf('x = 1; y = 2\nq = x + y\nmargin_of_error = q * 3\nf = margin_of_error + 1');
    const stub = (id: string) => byId(scene, id).stubEnd.x - byId(scene, id).stubStart.x;
    expect(stub('q')).toBe(74);
    // 15 characters of the 12 px name font and "-12.00" in the 13 px label font, with gaps.
    expect(stub('margin_of_error')).toBeGreaterThan(15 * 12 * 0.62 + 6 * 13 * 0.62);
  });
});
