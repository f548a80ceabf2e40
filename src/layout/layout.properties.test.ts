import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layout, type LayoutEdge, type LayoutNode, type LayoutResult, type Point } from './index.ts';

interface Circuit {
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  nodeGap: number;
  layerGap: number;
}

// Random DAGs in topological order: an edge from two indices a, b in 0 … n-2 goes from min(a, b) to max(a, b) + 1,
// so every draw is valid and nothing is filtered. Duplicate edges and isolated nodes happen too.
const circuits: fc.Arbitrary<Circuit> = fc.integer({ min: 1, max: 40 }).chain((n) => {
  const size = fc.record({ width: fc.integer({ min: 4, max: 80 }), height: fc.integer({ min: 4, max: 60 }) });
  const edge = () => fc.tuple(fc.nat(n - 2), fc.nat(n - 2)).map(([a, b]) => ({ source: Math.min(a, b), target: Math.max(a, b) + 1 }));
  return fc.record({
    nodes: fc.array(size, { minLength: n, maxLength: n }).map((sizes) => sizes.map((s, i) => ({ id: `n${i}`, ...s }))),
    edges: n === 1 ? fc.constant([]) : fc.array(edge(), { maxLength: 2 * n }),
    nodeGap: fc.integer({ min: 1, max: 40 }),
    layerGap: fc.integer({ min: 1, max: 80 }),
  });
});

const check = (property: (circuit: Circuit, result: LayoutResult) => void) =>
  fc.assert(
    fc.property(circuits, (circuit) => property(circuit, layout(circuit.nodes, circuit.edges, circuit))),
    { numRuns: 300 },
  );

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const boxOf = (centre: Point, { width, height }: LayoutNode): Box => ({
  left: centre.x - width / 2,
  right: centre.x + width / 2,
  top: centre.y - height / 2,
  bottom: centre.y + height / 2,
});

const EPSILON = 1e-6;

/** Whether segment a–b enters the inside of the box (touching its border does not count): Liang–Barsky clipping. */
function entersBox(a: Point, b: Point, box: Box): boolean {
  let enter = 0;
  let leave = 1;
  const clip = (towards: number, room: number) => {
    if (towards === 0) return room > 0;
    const t = room / towards;
    if (towards < 0) enter = Math.max(enter, t);
    else leave = Math.min(leave, t);
    return enter < leave;
  };
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  return (
    clip(-dx, a.x - (box.left + EPSILON)) &&
    clip(dx, box.right - EPSILON - a.x) &&
    clip(-dy, a.y - (box.top + EPSILON)) &&
    clip(dy, box.bottom - EPSILON - a.y)
  );
}

describe('layout of random circuits', () => {
  it('never lets two nodes overlap, keeping the node gap between nodes of one layer', () => {
    check(({ nodes, nodeGap }, result) => {
      const boxes = result.nodes.map((centre, v) => boxOf(centre, nodes[v]!));
      const overlaps: [number, number][] = [];
      boxes.forEach((a, i) =>
        boxes.forEach((b, j) => {
          const apartX = a.right <= b.left || b.right <= a.left;
          const apartY = a.bottom + nodeGap <= b.top + EPSILON || b.bottom + nodeGap <= a.top + EPSILON;
          if (i < j && !apartX && !apartY) overlaps.push([i, j]);
        }),
      );
      expect(overlaps).toEqual([]);
    });
  });

  it('draws every wire left to right, from its source’s right side to its target’s left side', () => {
    check(({ nodes, edges }, result) => {
      edges.forEach(({ source, target }, e) => {
        const points = result.edges[e]!.points;
        const [s, t] = [result.nodes[source]!, result.nodes[target]!];
        expect(points[0]).toEqual({ x: s.x + nodes[source]!.width / 2, y: s.y });
        expect(points.at(-1)).toEqual({ x: t.x - nodes[target]!.width / 2, y: t.y });
        points.slice(1).forEach((p, i) => expect(p.x).toBeGreaterThanOrEqual(points[i]!.x));
        expect(t.x).toBeGreaterThan(s.x);
      });
    });
  });

  it('never passes a wire through a node other than its own ends', () => {
    check(({ nodes, edges }, result) => {
      const boxes = result.nodes.map((centre, v) => boxOf(centre, nodes[v]!));
      const passes: { edge: number; node: number }[] = [];
      edges.forEach(({ source, target }, e) => {
        const points = result.edges[e]!.points;
        points.slice(1).forEach((end, i) =>
          boxes.forEach((box, v) => {
            if (v !== source && v !== target && entersBox(points[i]!, end, box)) passes.push({ edge: e, node: v });
          }),
        );
      });
      expect(passes).toEqual([]);
    });
  });

  it('keeps every node and wire inside the reported width and height', () => {
    check(({ nodes }, result) => {
      const inside = (p: Point) => p.x >= -EPSILON && p.y >= -EPSILON && p.x <= result.width + EPSILON && p.y <= result.height + EPSILON;
      result.nodes.forEach((centre, v) => {
        const box = boxOf(centre, nodes[v]!);
        expect(inside({ x: box.left, y: box.top }) && inside({ x: box.right, y: box.bottom })).toBe(true);
      });
      expect(result.edges.every((e) => e.points.every(inside))).toBe(true);
    });
  });

  it('gives the same drawing again for the same circuit', () => {
    check((circuit, result) => {
      expect(layout(circuit.nodes, circuit.edges, circuit)).toEqual(result);
    });
  });

  it('puts the last node, the output, alone in the last layer', () => {
    check((_, result) => {
      const outputX = result.nodes.at(-1)!.x;
      expect(result.nodes.slice(0, -1).every((p) => p.x < outputX)).toBe(true);
    });
  });

  it('reports as many crossings as the drawn wires have, pair by pair, between each two columns', () => {
    check(({ edges }, result) => {
      // Wires slant only between columns; within a gap, two wires cross when their ends there swap order.
      const pieces = new Map<number, { top: number; bottom: number }[]>();
      const routes = new Set<string>();
      result.edges.forEach(({ points }, e) => {
        const route = `${edges[e]!.source}→${edges[e]!.target}`;
        if (routes.has(route)) return;
        routes.add(route);
        for (let i = 0; i + 1 < points.length; i++) {
          const [a, b] = [points[i]!, points[i + 1]!];
          if (a.x === b.x) continue;
          const key = Math.round(a.x * 1000);
          if (!pieces.has(key)) pieces.set(key, []);
          pieces.get(key)!.push({ top: a.y, bottom: b.y });
        }
      });
      let crossings = 0;
      for (const list of pieces.values()) {
        list.forEach((p, i) => list.slice(i + 1).forEach((q) => ((p.top - q.top) * (p.bottom - q.bottom) < -EPSILON ? crossings++ : 0)));
      }
      expect(result.crossings).toBe(crossings);
    });
  });
});
