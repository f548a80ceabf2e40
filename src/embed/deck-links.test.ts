import { describe, expect, it } from 'vitest';
import { LECTURE_DECK, type Deck } from '../core/index.ts';
import { initAppStore } from '../state/store.ts';
import { packText } from './packed-text.ts';
import { parseUrlState, searchFor } from './url-state.ts';

const chain = (gates: number) => `x = 1.5\n${Array.from({ length: gates }, (_, i) => `a${i + 1} = ${i ? `a${i}` : 'x'} * 1.01 + 0.5`).join('\n')}\nf = a${gates}`;

describe('links to decks and long formulas', () => {
  it('packs a long formula (fz=) and keeps a short one readable (f=); both reopen it exactly', () => {
    const long = initAppStore({ source: chain(150) });
    const plainLength = `?f=${encodeURIComponent(chain(150))}`.length;
    const link = searchFor(long.getState(), { embed: false });
    expect(link).toMatch(/^\?fz=/);
    expect(link.length, `${link.length} characters instead of ${plainLength}`).toBeLessThan(plainLength / 4);
    expect(parseUrlState(link).source).toBe(chain(150));
    const short = initAppStore({ source: 'x = -2; y = 5; z = -4; f = (x + y) * z' });
    expect(searchFor(short.getState(), { embed: false })).toMatch(/^\?f=x\+=\+-2/);
  });

  it('still opens the plain f= links made before packing existed, and ignores a broken fz= for f=', () => {
    expect(parseUrlState('?f=x+%3D+2%3B+f+%3D+x+*+x').source).toBe('x = 2; f = x * x');
    expect(parseUrlState('?fz=!!!&f=x%3D1').source).toBe('x=1');
    expect(parseUrlState('?fz=AAAA').source).toBeNull();
  });

  it('opens the built-in deck by name at a slide, and a deck of one’s own packed into the link', () => {
    const url = parseUrlState('?deck=lecture&slide=3&step=5&present=1');
    expect(url.deck).toEqual({ deck: LECTURE_DECK, name: 'lecture' });
    expect([url.slide, url.step, url.present]).toEqual([3, 5, true]);
    const mine: Deck = { title: 'Mine', slides: [{ title: 'a', source: 'x = 1; f = x * x', notes: 'hi', stops: [0, 2] }] };
    const store = initAppStore({ source: 'x = 0; f = x' });
    store.getState().openDeck(mine);
    const link = searchFor(store.getState(), { embed: false });
    expect(link).toMatch(/^\?dz=[A-Za-z0-9_-]+&slide=1/);
    expect(parseUrlState(link).deck).toEqual({ deck: mine, name: null });
  });

  it('keeps the lecture deck’s link short, and a ten-slide deck of one’s own a link chat and LMS fields accept', () => {
    const store = initAppStore({ source: 'x = 0; f = x' });
    store.getState().openDeck(LECTURE_DECK, { name: 'lecture', slide: 4 });
    expect(searchFor(store.getState(), { embed: false })).toBe('?deck=lecture&slide=5');
    const ten: Deck = { title: 'Week 4', slides: LECTURE_DECK.slides.slice(0, 10).map(({ title, source }) => ({ title, source, notice: 'Watch the gradient at each branch.' })) };
    const packed = `?dz=${packText(JSON.stringify(ten))}`;
    expect(packed.length, `${packed.length} characters`).toBeLessThan(2000);
  });

  it('refuses decks that are not decks: unknown names, prototype keys, junk and bombs', () => {
    for (const search of ['?deck=__proto__', '?deck=constructor', '?deck=Lecture', '?dz=notadeck', `?dz=${packText('{"slides": 3}')}`, `?dz=${packText('[' .repeat(100_000))}`]) {
      expect(parseUrlState(search).deck, search.slice(0, 40)).toBeNull();
    }
    expect(parseUrlState('?slide=0').slide).toBeNull();
    expect(parseUrlState('?slide=-1').slide).toBeNull();
    expect(parseUrlState('?presenter=<script>').presenter).toBeNull();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
