/** Every measure of the drawing, named once. Lengths are SVG user units (pixels at zoom 1). */
export const GATE_RADIUS = 20;
/** A gate whose label is longer than this is drawn as a rounded box, as the slides do for `exp` and `1/x` in circles. */
export const CIRCLE_LABEL_CHARS = 3;
export const BOX_PADDING = 10;
export const BOX_HEIGHT = 2 * GATE_RADIUS;
/** The wire segment leaving each node, long enough to carry its value above and its gradient below. */
export const STUB_LENGTH = 74;
export const LAYER_GAP = 56;
export const NODE_GAP = 40;
export const GATE_FONT = 15;
export const LABEL_FONT = 13;
export const NAME_FONT = 12;
export const TERMINAL_FONT = 16;
/** Approximate advance of one character relative to the font size (a layout estimate, no DOM measuring). */
export const CHAR_WIDTH = 0.62;
/** Label offsets from the wire: values sit above it, gradients below it. */
export const VALUE_DY = -7;
export const GRAD_DY = 16;
export const FIT_PADDING = 24;
/** Space between a focused node (its shape and its wire's labels) and the keyboard focus ring drawn around it. */
export const FOCUS_RING_GAP = 5;
/** Below this zoom scale the number labels are unreadable and are hidden so that large circuits pan smoothly. */
export const LABEL_MIN_SCALE = 0.45;
/**
 * Zoomed out further, the current gate's numbers are drawn larger (up to MAX_LABEL_BOOST times) so they stay this
 * many screen pixels high, and every gate's symbol so it stays GATE_MIN_PX high (up to MAX_SYMBOL_BOOST times);
 * the gate's outline grows with it up to MAX_GATE_BOOST times, which keeps neighbouring gates apart.
 */
export const LABEL_MIN_PX = 12;
export const MAX_LABEL_BOOST = 5;
export const GATE_MIN_PX = 9;
export const MAX_SYMBOL_BOOST = 2.6;
export const MAX_GATE_BOOST = 1.8;
/** A circuit that would be smaller than this to fit whole is shown at FOLLOW_SCALE around the current gate instead. */
export const FOLLOW_BELOW_SCALE = 0.6;
/**
 * An embed shows the whole circuit in the frame its author chose, gate symbols and the current numbers enlarged,
 * unless it would be drawn smaller than this: then it too follows the current gate (Fit shows it whole).
 */
export const EMBED_FOLLOW_BELOW_SCALE = 0.2;
export const FOLLOW_SCALE = 0.9;
/** While following, the view moves once the current gate comes this close (a fraction of the view) to an edge. */
export const FOLLOW_MARGIN = 0.12;
export const TRANSITION_MS = 250;
export const ZOOM_EXTENT: [number, number] = [0.05, 8];
/** From this many nodes, pan and zoom move a picture of the circuit and redraw it when the gesture pauses. */
export const LARGE_SCENE = 1500;
/**
 * From this many nodes only the part of the circuit around the view is in the DOM: what the view shows and WINDOW_MARGIN
 * views more on each side, drawn again when the view leaves it (a 5,000-gate circuit drawn whole took seconds to lay out).
 */
export const VIRTUAL_SCENE = 300;
export const WINDOW_MARGIN = 0.5;
/** A window with more nodes than this is only what the view shows, without the margin. */
export const MAX_WINDOW_NODES = 1200;
/**
 * Seen smaller than this, gates are specks and their symbols unreadable: a large circuit is drawn as a sketch of wires
 * and outlines (two paths), all but the current gate, which keeps its shape and numbers.
 */
export const SKETCH_BELOW_SCALE = 0.2;
export const COMMIT_DELAY_MS = 160;

/* Tensor wires: a shape tag on the wire, the value as a small matrix or a heatmap above it, the gradient below. */
/** A tensor up to this many rows and columns is written out as numbers; a larger one is drawn as a heatmap. */
export const MATRIX_MAX_ROWS = 4;
export const MATRIX_MAX_COLS = 4;
export const MATRIX_FONT = 11;
/** Vertical pitch of the matrix rows. */
export const MATRIX_ROW = 13;
/** Every cell is sized for this many characters (`-12.34`), so a value edit never needs a new layout. */
export const MATRIX_CELL_CHARS = 5;
export const MATRIX_CELL_GAP = 6;
/** Width of a square bracket's arms and its distance from the numbers. */
export const BRACKET_ARM = 3;
export const BRACKET_PAD = 3;
/** A heatmap is at most this wide or tall, and its cells at most this big. */
export const HEATMAP_SIZE = 64;
export const HEATMAP_MAX_CELL = 9;
/** A matrix with more rows or columns than this, or much taller than wide, is wrapped row by row into a square grid. */
export const HEATMAP_MAX_SIDE = 64;
export const HEATMAP_MAX_ASPECT = 8;
export const RANGE_FONT = 10;
/** Characters reserved for a heatmap's range text, `∂ -12.3 … 45.6`. */
export const RANGE_CHARS = 15;
export const TAG_FONT = 10;
export const TAG_HEIGHT = 14;
/** Space between the wire and the blocks above and below it, and around the blocks along the stub. */
export const TENSOR_WIRE_CLEAR = 6;
export const TENSOR_BLOCK_GAP = 10;
export const TENSOR_NAME_DY = -11;
/**
 * A circuit with more gates than this is not drawn (its numbers would be unreadable, and the page would stall for
 * seconds laying out and painting it): the circuit panel shows an overview and its wires as a table instead.
 */
export const MAX_DRAWN_GATES = 5000;
