import { FIT_PADDING } from '../render/constants.ts';
import type { AppStore } from '../state/store.ts';
import { SIDE_BY_SIDE_FROM } from '../ui/EmbedLayout.tsx';
import { onLaidOut, sceneSoon } from '../ui/drawing.ts';

export interface ContentSize {
  readonly width: number;
  readonly height: number;
}

/** Below this the circuit is too small to read, whatever its shape. */
const MIN_CIRCUIT_HEIGHT = 160;
/** Height changes up to this many pixels are not reported (see `measure`). */
const HEIGHT_TOLERANCE = 2;
/** Changes closer together than this are measured once (a resize drag, a transition, a burst of keystrokes). */
const SETTLE_MS = 60;
/** How long to wait for the embed to be drawn at all (as many settle periods). */
const MAX_WAITS = 200;
/** The explanation strip's height under the circuit, in its own em (styles.css); less when the frame is short. */
const EXPLAIN_STRIP_EM = 11;
/** Elements that scroll their own overflow: what they hide counts as content. */
const SCROLLERS = '.editor-box, .explanation, .table-scroll';

const byTestId = (doc: Document, id: string) => doc.querySelector<HTMLElement>(`[data-testid="${id}"]`);

/** Height of a pane's content, including what its inner scrollers hide: not capped by the frame it is in. */
function naturalHeight(pane: HTMLElement): number {
  const style = getComputedStyle(pane);
  const padding = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom);
  let height = padding;
  for (const child of Array.from(pane.children) as HTMLElement[]) {
    height += child.offsetHeight;
    for (const scroller of [child, ...Array.from(child.querySelectorAll<HTMLElement>(SCROLLERS))]) height += Math.max(0, scroller.scrollHeight - scroller.clientHeight);
  }
  return height;
}

/** The height at which the whole circuit is drawn at its own size (1 px per unit), or as large as the width allows. */
export function circuitHeight(scene: { width: number; height: number } | null, width: number): number {
  if (!scene) return MIN_CIRCUIT_HEIGHT;
  const scale = Math.min(1, Math.max(0, width - 2 * FIT_PADDING) / Math.max(1, scene.width));
  return Math.max(MIN_CIRCUIT_HEIGHT, Math.ceil(scene.height * scale + 2 * FIT_PADDING));
}

/**
 * The size the embed would like at its current width: the bars as drawn, the circuit at its own size and each
 * panel at its full height, whatever the frame's height is now. It never depends on that height (beyond which of
 * the two arrangements is shown), so a host that obeys it gets the same answer back and no loop can start.
 */
export function measureEmbed(doc: Document, scene: { width: number; height: number } | null): ContentSize | null {
  const root = byTestId(doc, 'embed');
  const circuit = byTestId(doc, 'embed.pane.circuit');
  if (!root || !circuit) return null;
  const width = doc.documentElement.clientWidth;
  const bars = (byTestId(doc, 'embed.bar')?.offsetHeight ?? 0) + (byTestId(doc, 'embed.tabs')?.offsetHeight ?? 0);
  // An error, or the overview of a circuit too big to draw: the pane's own content, at its full height.
  const noCircuit = circuit.querySelector<HTMLElement>('[data-testid="embed.error"], [data-testid="circuit.overview"]');
  // The quiz box sits under the circuit, in its pane, at a fixed height.
  const quiz = circuit.querySelector<HTMLElement>('[data-testid="quiz"]')?.offsetHeight ?? 0;
  const drawing = (noCircuit ? Math.max(MIN_CIRCUIT_HEIGHT, noCircuit.scrollHeight) : circuitHeight(scene, circuit.clientWidth)) + quiz;
  const sidePanes = Array.from(byTestId(doc, 'embed.side')?.children ?? []) as HTMLElement[];
  const explain = byTestId(doc, 'embed.pane.explain');
  const strip = doc.querySelector<HTMLElement>('.embed-error');
  let height: number;
  if (root.dataset.layout === 'tabs') {
    // One pane at a time: the frame fits the tallest, so that switching tabs never resizes it.
    height = bars + Math.max(drawing, ...sidePanes.map(naturalHeight));
  } else {
    const side = byTestId(doc, 'embed.side');
    let column = 0;
    if (side) {
      const style = getComputedStyle(side);
      column = parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) + parseFloat(style.rowGap || '0') * Math.max(0, sidePanes.length - 1);
      for (const pane of sidePanes) column += naturalHeight(pane);
    }
    // The strip as the stylesheet sizes it in a frame tall enough, not as squeezed in this one.
    const explainHeight = explain ? parseFloat(getComputedStyle(explain).fontSize) * EXPLAIN_STRIP_EM : 0;
    height = bars + Math.max(column, drawing + explainHeight + (strip?.offsetHeight ?? 0));
  }
  if (width >= SIDE_BY_SIDE_FROM.width) height = Math.max(height, SIDE_BY_SIDE_FROM.height);
  return { width, height: Math.ceil(height) };
}

/**
 * Calls `report` with the embed's content size once it is drawn, and again whenever it changes: the frame is
 * resized, a panel grows or shrinks, another circuit is loaded. Measuring waits for changes to settle, and an
 * unchanged size is not reported again. Returns a function that stops watching.
 */
export function watchContentSize(win: Window, store: AppStore, report: (size: ContentSize) => void): () => void {
  const doc = win.document;
  let last: ContentSize | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observed = new Set<Element>();
  let waits = 0;

  const resize = typeof ResizeObserver === 'function' ? new ResizeObserver(() => schedule()) : null;
  /** The panels come and go with the formula (no inputs, an error): watch whichever are there now. */
  const observeParts = () => {
    if (!resize) return;
    const parts = new Set<Element>([doc.documentElement, ...Array.from(doc.querySelectorAll('[data-testid="embed"], [data-testid="embed.bar"], .embed-pane > *, .embed-error'))]);
    for (const el of observed) if (!parts.has(el)) resize.unobserve(el);
    for (const el of parts) if (!observed.has(el)) resize.observe(el);
    observed = parts;
  };
  const measure = () => {
    timer = undefined;
    observeParts();
    // The drawing's own layout, never one of its own: a large circuit's is laid out in slices, and `onLaidOut` says when.
    const scene = sceneSoon(store.getState().model);
    if (scene === null) return;
    const size = measureEmbed(doc, scene === 'none' ? null : scene);
    if (!size) {
      if (++waits < MAX_WAITS) schedule(); // not drawn yet
      return;
    }
    // A change of a pixel or two is not reported: the editor's height, estimated for lines out of view, can move by
    // one when the host's resize brings more lines into view, and the two would answer each other for ever.
    if (last && last.width === size.width && Math.abs(last.height - size.height) <= HEIGHT_TOLERANCE) return;
    last = size;
    report(size);
  };
  function schedule() {
    timer ??= setTimeout(measure, SETTLE_MS);
  }

  const unsubscribe = store.subscribe(schedule);
  const stopListening = onLaidOut(schedule);
  schedule();
  return () => {
    unsubscribe();
    stopListening();
    resize?.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
