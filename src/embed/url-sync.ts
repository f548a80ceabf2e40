import type { AppState, AppStore } from '../state/store.ts';
import type { EmbedView } from '../ui/App.tsx';
import { currentSource } from '../state/store.ts';
import { formulaPacked, formulaTooLong, packFormulaSoon, parseUrlState, searchFor } from './url-state.ts';

/** Long enough that typing a word rewrites the address once, short enough that a link copied a moment later is current. */
const DEBOUNCE_MS = 250;

type Watched = Pick<AppState, 'source' | 'step' | 'model' | 'theme' | 'expandSigmoid' | 'asScalars' | 'showGradCheck' | 'deck' | 'slide' | 'present' | 'quiz' | 'display'>;
const changed = (a: Watched, b: Watched) =>
  a.source !== b.source || a.step !== b.step || a.model !== b.model || a.theme !== b.theme ||
  a.expandSigmoid !== b.expandSigmoid || a.asScalars !== b.asScalars || a.showGradCheck !== b.showGradCheck ||
  a.deck !== b.deck || a.slide !== b.slide || a.present !== b.present || a.quiz !== b.quiz || a.display !== b.display;

/**
 * Keeps the address bar a link to the current view. It replaces the history entry instead of adding one, so the
 * back button leaves the app instead of undoing keystrokes. In a sandboxed iframe (an opaque origin) the history
 * API throws: the address then stays as it was, silently. An embed's display options (`legend=0`, …) are fixed at
 * load, so they are kept as the address first had them. A formula too long for a link (MAX_LINK_FORMULA) leaves the
 * address as it was.
 */
export function startUrlSync(store: AppStore, win: Window, origin: string | null, view: EmbedView = parseUrlState(win.location.search).view): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let broken = false;
  let cancelPack = () => {};

  const write = () => {
    timer = undefined;
    if (broken) return;
    const state = store.getState();
    // A long formula is packed a slice per task first; the address is written once it is (a change cancels that).
    if (!formulaPacked(currentSource(state))) {
      cancelPack = packFormulaSoon(currentSource(state), write);
      return;
    }
    // A link too long to work is not written: the address keeps the last view a link could carry (Share says why).
    if (formulaTooLong(currentSource(state)) !== null) return;
    const search = searchFor(state, { embed: state.embed, origin, view });
    try {
      if (win.location.search === search) return;
      win.history.replaceState(win.history.state, '', search + win.location.hash);
    } catch {
      broken = true;
    }
  };

  const unsubscribe = store.subscribe((state, previous) => {
    if (broken || !changed(state, previous)) return;
    if (timer !== undefined) clearTimeout(timer);
    cancelPack();
    timer = setTimeout(write, DEBOUNCE_MS);
  });
  return () => {
    unsubscribe();
    cancelPack();
    if (timer !== undefined) clearTimeout(timer);
  };
}
