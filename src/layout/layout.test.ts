import { describe, expect, it } from 'vitest';
import { layout, type LayoutEdge, type LayoutNode } from './index.ts';

const gate = (id: string): LayoutNode => ({ id, width: 40, height: 40 });
const wire = (source: number, target: number): LayoutEdge => ({ source, target });

function chain(length: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = Array.from({ length }, (_, i) => gate(`n${i}`));
  const edges = Array.from({ length: length - 1 }, (_, i) => wire(i, i + 1));
  return { nodes, edges };
}

describe('layout', () => {
  it('draws a graph with one node alone, its box touching the origin', () => {
    const result = layout([{ id: 'x', width: 30, height: 20 }], []);
    expect(result).toEqual({ nodes: [{ x: 15, y: 10 }], edges: [], width: 30, height: 20, layers: 1, crossings: 0 });
  });

  it('draws an empty graph as an empty drawing', () => {
    expect(layout([], [])).toEqual({ nodes: [], edges: [], width: 0, height: 0, layers: 0, crossings: 0 });
  });

  it('draws a chain as one straight horizontal line', () => {
    const { nodes, edges } = chain(6);
    const result = layout(nodes, edges);
    expect(new Set(result.nodes.map((p) => p.y)).size).toBe(1);
    expect(result.edges.flatMap((e) => e.points).every((p) => p.y === result.nodes[0]!.y)).toBe(true);
    expect(result.layers).toBe(6);
  });

  // A generous timeout: this checks that nothing recurses, not speed (the benchmark measures that).
  it('lays out a chain of 100 000 nodes without overflowing the stack', { timeout: 60_000 }, () => {
    const { nodes, edges } = chain(100_000);
    const result = layout(nodes, edges);
    expect(result.layers).toBe(100_000);
    expect(result.nodes[99_999]!.x).toBeGreaterThan(result.nodes[0]!.x);
  });

  it("draws the lecture's f = (x + y) z as the slides do: x, y, z stacked, + between x and y, * to the right", () => {
    const nodes = ['x', 'y', 'z', '+', '*'].map(gate);
    const edges = [wire(0, 3), wire(1, 3), wire(3, 4), wire(2, 4)];
    const [x, y, z, plus, times] = layout(nodes, edges).nodes;
    expect(x!.x).toBe(y!.x);
    expect(z!.x).toBe(x!.x);
    expect(x!.y < y!.y && y!.y < z!.y).toBe(true);
    expect(plus!.x).toBeGreaterThan(x!.x);
    expect(plus!.y).toBeCloseTo((x!.y + y!.y) / 2);
    expect(times!.x).toBeGreaterThan(plus!.x);
    expect(times!.y > plus!.y && times!.y < z!.y).toBe(true);
  });

  it('puts the output alone in the last layer even when another sink is as deep', () => {
    // a → b → c (a dead end as deep as the output) and a → d, the output.
    const nodes = ['a', 'b', 'c', 'd'].map(gate);
    const result = layout(nodes, [wire(0, 1), wire(1, 2), wire(0, 3)]);
    const outputX = result.nodes[3]!.x;
    expect(result.nodes.slice(0, 3).every((p) => p.x < outputX)).toBe(true);
    expect(result.width).toBe(outputX + 20);
  });

  it('puts an output given by index alone in the last layer, after a dead end written later', () => {
    // q = x + 1 is the output; d = x * 2 was computed after it but is never used.
    const nodes = ['x', 'one', 'q', 'two', 'd'].map(gate);
    const result = layout(nodes, [wire(0, 2), wire(1, 2), wire(0, 4), wire(3, 4)], { output: 2 });
    const outputX = result.nodes[2]!.x;
    expect(result.nodes.every((p, v) => v === 2 || p.x < outputX)).toBe(true);
  });

  it('keeps inputs in the first layer unless their consumer lies far to the right', () => {
    // f = ((((a * b) + 1) * 2) + 3) * c: c is consumed five layers away, b right away.
    const nodes = ['a', 'b', 'g1', 'g2', 'g3', 'g4', 'c', 'f'].map(gate);
    const edges = [wire(0, 2), wire(1, 2), wire(2, 3), wire(3, 4), wire(4, 5), wire(5, 7), wire(6, 7)];
    const near = layout(nodes, edges);
    expect(near.nodes[6]!.x).toBe(near.nodes[5]!.x);
    const left = layout(nodes, edges, { maxSourceSpan: Infinity });
    expect(left.nodes[6]!.x).toBe(left.nodes[0]!.x);
  });

  it('places a sub-expression next to the gate that uses it, not among the inputs', () => {
    // f = (((a + b) * c) + d) * (e * g): e * g is needed only by the last gate.
    const nodes = ['a', 'b', '+', 'c', '*', 'd', '+', 'e', 'g', '*', '*'].map(gate);
    const edges = [wire(0, 2), wire(1, 2), wire(2, 4), wire(3, 4), wire(4, 6), wire(5, 6), wire(7, 9), wire(8, 9), wire(6, 10), wire(9, 10)];
    const result = layout(nodes, edges);
    expect(result.nodes[9]!.x).toBe(result.nodes[6]!.x);
  });

  it('routes duplicate edges (x * x) as two wires along the same route', () => {
    const nodes = ['x', 'y', 'exp', '*', '+'].map(gate);
    const edges = [wire(0, 2), wire(0, 3), wire(0, 3), wire(1, 4), wire(3, 4), wire(2, 4)];
    const result = layout(nodes, edges);
    expect(result.edges[2]).toEqual(result.edges[1]);
    expect(result.edges).toHaveLength(6);
  });

  it('makes room for the widest node of each layer', () => {
    const nodes = [
      { id: 'wide input', width: 200, height: 20 },
      { id: 'x', width: 20, height: 20 },
      { id: '+', width: 40, height: 40 },
    ];
    const result = layout(nodes, [wire(0, 2), wire(1, 2)], { layerGap: 50 });
    expect(result.nodes[0]!.x).toBe(100);
    expect(result.nodes[1]!.x).toBe(100);
    expect(result.nodes[2]!.x).toBe(200 + 50 + 20);
    expect(result.edges[1]!.points[0]).toEqual({ x: 110, y: result.nodes[1]!.y });
  });

  it('gives the same drawing for the same input', () => {
    const nodes = Array.from({ length: 30 }, (_, i) => gate(`n${i}`));
    const edges = Array.from({ length: 29 }, (_, i) => wire((i * 7) % (i + 1), i + 1));
    expect(layout(nodes, edges)).toEqual(layout(nodes, edges));
  });

  it('rejects an edge that does not go from a lower to a higher index, saying what it found', () => {
    expect(() => layout(['a', 'b'].map(gate), [wire(1, 0)])).toThrow(/edge 0 must join .* source < target .* found 1 → 0/);
    expect(() => layout(['a', 'b'].map(gate), [wire(0, 2)])).toThrow(/found 0 → 2/);
  });

  it('rejects a node without a finite size, naming it', () => {
    expect(() => layout([{ id: 'q', width: NaN, height: 10 }], [])).toThrow(/node q .* found NaN × 10/);
  });
});
