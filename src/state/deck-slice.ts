import type { Deck, Slide } from '../core/index.ts';
import type { AppState, StepTarget } from './store.ts';

export interface DeckSlice {
  /** The deck being shown, or null when the app shows a lone formula. */
  deck: Deck | null;
  /** Where the deck came from, for links: a built-in deck's name, or null for one of the user's (packed into links). */
  deckName: string | null;
  /** The current slide, from 0. */
  slide: number;
  /** The presentation view: the circuit as large as the screen allows, no editor or sidebar. */
  present: boolean;
  /** The presentation view's screen is blanked (`b`). */
  blank: boolean;
  /** The current gate's forward() and backward() shown as code beside the circuit. */
  showCode: boolean;
  /** The Train panel is open: in the sidebar, or beside the circuit in the presentation view. */
  showTrain: boolean;
  /** This window is the presenter's: notes, the next step, the slide list and a timer, driving the audience's window. */
  presenterWindow: boolean;
  openDeck(deck: Deck, options?: { name?: string | null; slide?: number; step?: StepTarget | 'first' }): void;
  closeDeck(): void;
  /** Replaces the deck (edited in the app), keeping the current slide where it still exists. */
  updateDeck(deck: Deck, name?: string | null): void;
  goToSlide(target: number | 'next' | 'prev', step?: StepTarget): void;
  /** The clicker's "next": this slide's next stop, else the next slide's first. */
  advance(): void;
  /** The clicker's "back": this slide's previous stop, else the previous slide's last. */
  retreat(): void;
  setPresent(present: boolean): void;
  setBlank(blank: boolean): void;
  setShowCode(show: boolean): void;
  setShowTrain(show: boolean): void;
  setPresenterWindow(presenter: boolean): void;
}

type Set = (partial: Partial<AppState>) => void;
type Get = () => AppState;

/** The steps a slide stops at, within its circuit's schedule: its own list, or every step. */
export function stopsOf(slide: Slide | undefined, last: number): number[] {
  if (!slide?.stops?.length) return Array.from({ length: last + 1 }, (_, i) => i);
  const stops = [...new Set(slide.stops.map((s) => Math.min(s, last)))];
  return stops.length ? stops : [0];
}

export function createDeckSlice(set: Set, get: Get): DeckSlice {
  const show = (index: number, step: StepTarget | 'first' | 'last') => {
    const { deck } = get();
    const slide = deck?.slides[index];
    if (!deck || !slide) return;
    const view = slide.view ?? {};
    set({ slide: index, expandSigmoid: view.expand ?? false, asScalars: view.scalars ?? false, showGradCheck: view.check ?? false, showCode: view.code ?? false, showTrain: view.train ?? false, playing: false });
    get().setSource(slide.source, 'start');
    const last = get().model?.schedule.last ?? 0;
    const stops = stopsOf(slide, last);
    if (step === 'first') get().goTo(stops[0] ?? 0);
    else if (step === 'last') get().goTo(stops[stops.length - 1] ?? last);
    else get().goTo(step);
  };
  const slideCount = () => get().deck?.slides.length ?? 0;
  const clampSlide = (n: number) => Math.max(0, Math.min(slideCount() - 1, Math.trunc(n)));

  return {
    deck: null,
    deckName: null,
    slide: 0,
    present: false,
    blank: false,
    showCode: false,
    showTrain: false,
    presenterWindow: false,
    openDeck: (deck, options = {}) => {
      set({ deck, deckName: options.name ?? null, slide: 0 });
      show(clampSlide(options.slide ?? 0), options.step ?? 'first');
    },
    closeDeck: () => set({ deck: null, deckName: null, slide: 0, showCode: false }),
    updateDeck: (deck, name = null) => {
      const slide = Math.min(get().slide, deck.slides.length - 1);
      set({ deck, deckName: name, slide });
    },
    goToSlide: (target, step) => {
      const { slide } = get();
      const n = target === 'next' ? slide + 1 : target === 'prev' ? slide - 1 : target;
      if (n < 0 || n >= slideCount()) return;
      show(n, step ?? 'first');
    },
    advance: () => {
      const { deck, slide, step, model } = get();
      if (!deck || !model) return get().goTo('next');
      const next = stopsOf(deck.slides[slide], model.schedule.last).find((s) => s > step);
      if (next !== undefined) get().goTo(next);
      else if (slide + 1 < deck.slides.length) show(slide + 1, 'first');
    },
    retreat: () => {
      const { deck, slide, step, model } = get();
      if (!deck || !model) return get().goTo('prev');
      const previous = stopsOf(deck.slides[slide], model.schedule.last).filter((s) => s < step).pop();
      if (previous !== undefined) get().goTo(previous);
      else if (slide > 0) show(slide - 1, 'last');
    },
    setPresent: (present) => set({ present, blank: false }),
    setBlank: (blank) => set({ blank }),
    setShowCode: (showCode) => set({ showCode }),
    setShowTrain: (showTrain) => set({ showTrain }),
    setPresenterWindow: (presenterWindow) => set({ presenterWindow }),
  };
}
