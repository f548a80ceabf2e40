import { describe, expect, it } from 'vitest';
import { compileSource } from '../core/index.ts';
import { buildScene, type Scene } from './scene.ts';
import { countIn, sceneWindow, viewRect, type Rect } from './scene-window.ts';
import { sketchPaths } from './sketch.ts';

function sceneOf(source: string): Scene {
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  return buildScene(compiled.circuit);
}

/** 1,000 gates in a row: `v1 = v0 * 1.01 + 0.5` and so on. */
const chain = sceneOf(['v0 = 1', ...Array.from({ length: 500 }, (_, i) => `v${i + 1} = v${i} * 1.01 + 0.5`)].join('\n'));
const inside = (r: Rect, x: number, y: number) => x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1;

describe('the window of a large scene', () => {
  it('maps a view back to scene units, with a margin of views around it', () => {
    expect(viewRect({ x: -100, y: -50, k: 2 }, 800, 400, 0)).toEqual({ x0: 50, y0: 25, x1: 450, y1: 225 });
    expect(viewRect({ x: 0, y: 0, k: 1 }, 800, 400, 0.5)).toEqual({ x0: -400, y0: -200, x1: 1200, y1: 600 });
  });

  it('holds every node whose gate or wire reaches into the view, and no node far from it', () => {
    const rect = viewRect({ x: -chain.width / 2, y: 0, k: 1 }, 1280, chain.height, 0);
    const w = sceneWindow(chain, rect);
    expect(w.nodes.length).toBeGreaterThan(4);
    expect(w.nodes.length).toBeLessThan(chain.nodes.length / 10);
    for (const n of chain.nodes) {
      const reaches = n.x - n.width / 2 <= rect.x1 && n.stubEnd.x >= rect.x0;
      expect(w.nodes.includes(n.index), n.id).toBe(reaches);
    }
    expect(countIn(chain, rect)).toBe(w.nodes.length);
    // Every edge with a point in view is drawn, and so is one that only passes through it.
    chain.edges.forEach((e, k) => {
      if (e.points.some((p) => inside(rect, p.x, p.y))) expect(w.edges).toContain(k);
    });
  });

  it('keeps pinned nodes (the current gate, the keyboard stop) wherever they are, and ignores indices it has not', () => {
    const rect = viewRect({ x: 0, y: 0, k: 1 }, 400, 300, 0);
    const last = chain.nodes.length - 1;
    const w = sceneWindow(chain, rect, [last, -1, last + 5, 0.5], true);
    expect(w.nodes).toContain(last);
    expect(w.pinned).toEqual([last]);
    expect(w.sketch).toBe(true);
  });

  it('sketches nodes and wires as two paths: one outline per gate, one polyline per branch and stub', () => {
    const all = chain.nodes.map((n) => n.index);
    const { wires, shapes } = sketchPaths(chain, all, chain.edges.map((_e, k) => k));
    const gates = chain.nodes.filter((n) => n.shape !== 'terminal').length;
    expect(shapes.match(/Z/g)?.length).toBe(gates);
    expect(wires.match(/M/g)?.length).toBe(chain.edges.length + chain.nodes.length);
    expect(wires).not.toMatch(/NaN|undefined/);
  });
});
