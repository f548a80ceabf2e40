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
/** Below this zoom scale the number labels are unreadable and are hidden so that large circuits pan smoothly. */
export const LABEL_MIN_SCALE = 0.45;
export const TRANSITION_MS = 250;
export const ZOOM_EXTENT: [number, number] = [0.05, 8];
/** From this many nodes, pan and zoom move a picture of the circuit and redraw it when the gesture pauses. */
export const LARGE_SCENE = 1500;
export const COMMIT_DELAY_MS = 160;
