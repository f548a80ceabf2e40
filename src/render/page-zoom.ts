/** The device pixel ratio when the page loaded: a larger one later is the reader zooming the page in (Ctrl +). */
const LOADED_RATIO = typeof devicePixelRatio === 'number' && devicePixelRatio > 0 ? devicePixelRatio : 1;

/**
 * How far the page is zoomed in since it loaded (2 at 200 %; 1 when not, or zoomed out). A page that loads already
 * zoomed cannot be told from a high-density screen, so it counts as 100 %.
 */
export function pageZoom(): number {
  return typeof devicePixelRatio === 'number' ? Math.max(1, devicePixelRatio / LOADED_RATIO) : 1;
}
