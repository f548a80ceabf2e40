import type { Framing } from './circuit-view.ts';
import { LABEL_FONT, MATRIX_FONT, ZOOM_EXTENT } from './constants.ts';
import type { Scene } from './scene.ts';

/** The presentation view's smallest number on a wire, in screen pixels: read from the back of a lecture hall. */
export const PRESENT_LABEL_PX = 32;

/**
 * The presentation view draws the circuit at least at the scale that makes its smallest wire number (a scalar's
 * label, or a matrix cell) PRESENT_LABEL_PX high: whole and as large as the screen allows when it fits so, else
 * following the current gate at that scale. Nothing animates.
 */
export function presentFraming(scene: Scene | null): Framing {
  const font = scene?.nodes.some((n) => n.tensor) ? MATRIX_FONT : LABEL_FONT;
  const scale = (PRESENT_LABEL_PX / font) * 1.02;
  return { followBelow: scale, followScale: scale, maxFitScale: Math.max(scale, ZOOM_EXTENT[1] / 2), animate: false };
}
