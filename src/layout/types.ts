export interface LayoutNode {
  id: string;
  width: number;
  height: number;
  /** A source kept in the first layer however far its consumers are (within a dummy-node budget). */
  pinned?: boolean;
}

/** Indices into the node list, source < target. Duplicates are allowed: `x * x` gives two edges x → mul. */
export interface LayoutEdge {
  source: number;
  target: number;
}

export interface LayoutOptions {
  /** Horizontal gap between the widest nodes of two adjacent layers. */
  layerGap?: number;
  /** Vertical gap between two nodes of one layer (wires passing between nodes keep half of it). */
  nodeGap?: number;
  /**
   * A source (input or constant) stays in the first layer unless its nearest consumer lies more than this many
   * layers to its right; then it moves next to that consumer. `Infinity` keeps every source in the first layer.
   */
  maxSourceSpan?: number;
  /** Index of the output, drawn alone in the last layer if nothing consumes it; by default the last node. */
  output?: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface LayoutResult {
  /** Centre of each node, in input order. */
  nodes: Point[];
  /** Per input edge, in input order: from the source's right side to the target's left side. */
  edges: { points: Point[] }[];
  /** Every node box and wire lies within [0, width] × [0, height]. */
  width: number;
  height: number;
  layers: number;
  /** Crossings of the final ordering, counted on the segments between adjacent layers (long edges included). */
  crossings: number;
}
