/** Neighbours of node v are `list[start[v]]` up to (excluding) `list[start[v + 1]]`, in input order. */
export interface Adjacency {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/** Groups the pairs (from[i], to[i]) by `from`, keeping their input order (a counting sort). */
export function groupByNode(nodeCount: number, from: Int32Array, to: Int32Array): Adjacency {
  const start = new Int32Array(nodeCount + 1);
  for (let i = 0; i < from.length; i++) start[from[i]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) start[v + 1]! += start[v]!;
  const next = start.slice(0, nodeCount);
  const list = new Int32Array(from.length);
  for (let i = 0; i < from.length; i++) list[next[from[i]!]!++] = to[i]!;
  return { start, list };
}
