import { describe, expect, it } from 'vitest';
import { compileSource } from '../core/index.ts';
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
});
