export const DEFAULT_LAYER_GAP = 48;
export const DEFAULT_NODE_GAP = 24;
// Three keeps the lecture's inputs (x, y, z; w0 … w2) in the first column as on the slides, while a bias deep
// inside a big network sits beside its gate instead of sending a wire across the whole drawing.
export const DEFAULT_MAX_SOURCE_SPAN = 3;
// Named inputs stay in the first column as long as their long wires add at most this many dummy nodes: every
// input of a network of a few hundred gates, while ordering a big circuit costs at most about three times as much.
export const pinDummyBudget = (nodeCount: number) => Math.max(4000, 2 * nodeCount);

// Two wires side by side stay readable closer together than two gates.
export const WIRE_GAP_RATIO = 0.5;

// Coordinate assignment pulls harder on the segments of long edges so they stay straight (after Gansner et al.).
export const WEIGHT_GATE_TO_GATE = 1;
export const WEIGHT_GATE_TO_WIRE = 2;
export const WEIGHT_WIRE_TO_WIRE = 8;
// A source waiting for its turn to be placed, or feeding nothing, yields to the gates that push it.
export const WEIGHT_OF_SOURCE_AT_REST = 0.01;

export const MAX_ORDER_SWEEPS = 24;
export const ORDER_SWEEPS_WITHOUT_GAIN = 4;
export const SOURCE_ROUNDS = 2;

// NOTE: a wire spanning k layers needs k - 1 dummy nodes, so one input feeding every gate of a deep circuit needs
// O(n²) of them. Beyond this budget the longest edges are drawn as straight lines without dummies.
export const DUMMY_BUDGET = 1_000_000;
