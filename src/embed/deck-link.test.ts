import { describe, expect, it } from 'vitest';
import { LECTURE_DECK, type Deck } from '../core/index.ts';
import { deckParam, parseUrlState } from './url-state.ts';

const BASE = 'https://example.edu/backprop/';
const linkFor = (deck: Deck) => {
  const [key, value] = deckParam(deck, null);
  return `${BASE}?${key}=${value}&slide=1`;
};

describe('a deck packed into a link', () => {
  it('keeps ten lecture-sized slides with titles and short notes under 2,000 characters', () => {
    // The lecture's first ten formulas, each with its title, the first sentence of what to notice and stops: an instructor's own deck.
    const ten: Deck = {
      title: 'Week 4: backpropagation',
      slides: LECTURE_DECK.slides.slice(0, 10).map((s, i) => ({ title: s.title, source: s.source, notice: `${(s.notice ?? '').split(/(?<=[.:]) /)[0]}`, stops: [0, i + 1, i + 6] })),
    };
    const whole = linkFor(LECTURE_DECK);
    const short = linkFor(ten);
    console.log(`dz= link: ten lecture-sized slides ${short.length} characters; the whole lecture deck (13 slides with its notes) ${whole.length}`);
    expect(short.length).toBeLessThan(2000);
    expect(parseUrlState(new URL(short).search).deck).toEqual({ deck: ten, name: null });
    expect(parseUrlState(new URL(whole).search).deck).toEqual({ deck: LECTURE_DECK, name: null });
  });
});
