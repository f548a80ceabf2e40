import type { ReactNode } from 'react';
import { LECTURE_DECK } from '../core/index.ts';
import { stopsOf } from '../state/deck-slice.ts';
import { useApp } from './store-context.ts';

/** The header's way into the lecture: opens the built-in deck at its first slide. */
export function DeckButton() {
  const deck = useApp((s) => s.deck);
  const openDeck = useApp((s) => s.openDeck);
  const setPresent = useApp((s) => s.setPresent);
  return (
    <div className="deck-button" role="group" aria-label="Lecture">
      {!deck && (
        <button type="button" onClick={() => openDeck(LECTURE_DECK, { name: 'lecture' })} data-testid="deck.open-lecture"
          title={`Open the lecture as a deck of ${LECTURE_DECK.slides.length} circuits`}>Lecture deck</button>
      )}
      <button type="button" onClick={() => setPresent(true)} data-testid="present.enter" title="Presentation view: the circuit as large as the screen allows (F)">Present</button>
    </div>
  );
}

/** Where you are in a deck, above the circuit: the slide, what to notice, and the way to the next one. */
export function DeckBar({ children }: { children?: ReactNode }) {
  const deck = useApp((s) => s.deck);
  const slide = useApp((s) => s.slide);
  const step = useApp((s) => s.step);
  const last = useApp((s) => s.model?.schedule.last ?? 0);
  const goToSlide = useApp((s) => s.goToSlide);
  const closeDeck = useApp((s) => s.closeDeck);
  const source = useApp((s) => s.source);
  if (!deck) return null;
  const current = deck.slides[slide];
  const stops = stopsOf(current, last);
  const edited = current !== undefined && source !== current.source;
  return (
    <section className="deck-bar" aria-label={`Deck: ${deck.title}`} data-testid="deck.bar">
      <div className="deck-nav">
        <button type="button" onClick={() => goToSlide('prev')} disabled={slide === 0} aria-label="Previous slide" title="Previous slide (P)" data-testid="deck.prev">◀</button>
        <label className="deck-select">
          <span className="visually-hidden">Slide</span>
          <select value={slide} onChange={(e) => goToSlide(Number(e.target.value))} data-testid="deck.slide">
            {deck.slides.map((s, i) => <option key={i} value={i}>{`${i + 1}. ${s.title || 'Untitled'}`}</option>)}
          </select>
        </label>
        <span className="deck-where" data-testid="deck.where">slide {slide + 1} of {deck.slides.length}{stops.length <= last ? ` · stop ${Math.max(1, stops.filter((s) => s <= step).length)} of ${stops.length}` : ''}</span>
        <button type="button" onClick={() => goToSlide('next')} disabled={slide + 1 >= deck.slides.length} aria-label="Next slide" title="Next slide (N, or PageDown at the slide's last step)" data-testid="deck.next">▶</button>
        {children}
        <button type="button" className="deck-close" onClick={closeDeck} aria-label="Close the deck" title="Close the deck (keep this formula)" data-testid="deck.close">✕</button>
      </div>
      {current?.notice && <p className="deck-notice" data-testid="deck.notice">{current.notice}</p>}
      {edited && <p className="hint" data-testid="deck.edited">You changed this slide’s formula; the deck keeps its own until you save it.</p>}
    </section>
  );
}
