import type { Deck, Slide, SlideView } from '../core/index.ts';
import { currentSource, type AppState, type AppStore } from '../state/store.ts';
import { slideDraft, titleFor, type DeckDraft, type SlideDraft } from './deck-draft.ts';

const VIEW_KEYS = ['expand', 'scalars', 'check', 'code'] as const;
const sameView = (a: SlideView = {}, b: SlideView = {}) => VIEW_KEYS.every((k) => (a[k] ?? false) === (b[k] ?? false));
const sameCircuit = (a: Slide | undefined, b: Slide | undefined) => !!a && !!b && a.source === b.source && sameView(a.view, b.view);

/**
 * Puts an edited deck in place of the one open. The slide on screen stays on screen wherever it moved to; it is shown
 * afresh only if its formula or view changed (at the same step when only its stops did), so a formula being tried
 * out in the app's editor is kept unless the deck's own changed.
 */
export function applyEditedDeck(store: AppStore, deck: Deck, slideOnScreen: number): void {
  const state = store.getState();
  const before = state.deck?.slides[state.slide];
  const index = Math.max(0, Math.min(deck.slides.length - 1, slideOnScreen));
  state.updateDeck(deck, null);
  const after = deck.slides[index];
  if (index !== state.slide || !sameCircuit(before, after)) state.goToSlide(index, sameCircuit(before, after) ? state.step : undefined);
}

/** A slide of what the app shows now: its formula, its view and, when asked, the current step as a stop. */
export function slideFromApp(state: AppState, withStop: boolean): SlideDraft {
  const source = currentSource(state);
  return slideDraft({
    title: titleFor(source), source, ...(withStop ? { stops: [state.step] } : {}),
    view: { expand: state.expandSigmoid, scalars: state.asScalars, check: state.showGradCheck, code: state.showCode, train: state.showTrain },
  });
}

export const newDraft = (state: AppState): DeckDraft => ({ title: 'My deck', slides: [slideFromApp(state, false)] });
