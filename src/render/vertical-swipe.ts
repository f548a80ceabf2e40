/**
 * Where the page scrolls (the surface's CSS says `touch-action: pan-y`), a one-finger swipe that starts mostly
 * vertical scrolls the page instead of panning the circuit: its moves are kept from d3-zoom, which would cancel
 * them. Sideways swipes, pinches and taps reach d3-zoom as before. Listens on the surface's parent in the capture
 * phase, so it runs before d3-zoom's listeners on the surface.
 */
export function letVerticalSwipesScroll(surface: HTMLElement): () => void {
  const parent = surface.parentElement;
  if (!parent) return () => {};
  let start: { x: number; y: number } | null = null;
  let vertical: boolean | null = null;
  const began = (event: TouchEvent) => {
    const touch = event.touches[0];
    start = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : null;
    vertical = null;
  };
  const moved = (event: TouchEvent) => {
    const touch = event.touches[0];
    if (!start || !touch || event.touches.length !== 1 || !surface.contains(event.target as Node)) return;
    if (vertical === null) {
      const dx = Math.abs(touch.clientX - start.x);
      const dy = Math.abs(touch.clientY - start.y);
      if (dx + dy < DECIDE_AFTER_PX) return event.stopPropagation();
      vertical = dy > dx && getComputedStyle(surface).touchAction === 'pan-y';
    }
    if (vertical) event.stopPropagation();
  };
  parent.addEventListener('touchstart', began, { capture: true, passive: true });
  parent.addEventListener('touchmove', moved, { capture: true, passive: true });
  return () => {
    parent.removeEventListener('touchstart', began, { capture: true });
    parent.removeEventListener('touchmove', moved, { capture: true });
  };
}

// A finger's first few pixels say little about where it is going; until then neither the page nor the view moves.
const DECIDE_AFTER_PX = 6;
