import type { Circuit } from './circuit.ts';
import type { GateOp } from './circuit.ts';

/** What a circuit is made of, for a reader who cannot see it drawn: its gates by kind and its depth. */
export interface CircuitOverview {
  readonly gates: number;
  /** Gates per operation, the most frequent first (ties in order of first appearance). */
  readonly kinds: readonly { readonly op: GateOp; readonly count: number }[];
  /** Gates on the longest path from an input or constant to any wire. */
  readonly depth: number;
}

const overviews = new WeakMap<Circuit, CircuitOverview>();

/** Computed once per circuit, in one pass over its nodes (they are in topological order). */
export function circuitOverview(circuit: Circuit): CircuitOverview {
  const known = overviews.get(circuit);
  if (known) return known;
  const counts = new Map<GateOp, number>();
  const depths = new Int32Array(circuit.nodes.length);
  let gates = 0;
  let depth = 0;
  circuit.nodes.forEach((node, i) => {
    if (node.kind !== 'gate' || node.op === undefined) return;
    gates++;
    counts.set(node.op, (counts.get(node.op) ?? 0) + 1);
    let d = 0;
    for (const a of node.args) d = Math.max(d, depths[a] as number);
    depths[i] = d + 1;
    depth = Math.max(depth, d + 1);
  });
  const kinds = [...counts].map(([op, count]) => ({ op, count })).sort((a, b) => b.count - a.count);
  const overview = { gates, kinds, depth };
  overviews.set(circuit, overview);
  return overview;
}
