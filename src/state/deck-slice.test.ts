import { describe, expect, it } from 'vitest';
import { LECTURE_DECK, type Deck } from '../core/index.ts';
import { initAppStore } from './store.ts';

const tiny: Deck = {
  title: 'Two slides',
  slides: [
    { title: 'one', source: 'x = -2; y = 5; z = -4; f = (x + y) * z', stops: [0, 2, 4] },
    { title: 'two', source: 'a = 3; f = 2 * a', view: { expand: true, check: true } },
  ],
};

describe('a deck in the store', () => {
  it('opens at a slide and step, loading the slide’s formula and view', () => {
    const store = initAppStore({ source: 'x = 1; f = x' });
    store.getState().openDeck(LECTURE_DECK, { name: 'lecture', slide: 3, step: 2 });
    const s = store.getState();
    expect(s.slide).toBe(3);
    expect(s.source).toBe(LECTURE_DECK.slides[3]!.source);
    expect(s.step).toBe(2);
    expect(s.deckName).toBe('lecture');
    store.getState().goToSlide(0);
    expect(store.getState().showGradCheck).toBe(true);
  });

  it('steps through a slide’s stops with the clicker, then on to the next slide and back', () => {
    const store = initAppStore({ source: 'x = 1; f = x' });
    store.getState().openDeck(tiny);
    const seen: [number, number][] = [];
    for (let k = 0; k < 6; k++) {
      seen.push([store.getState().slide, store.getState().step]);
      store.getState().advance();
    }
    expect(seen).toEqual([[0, 0], [0, 2], [0, 4], [1, 0], [1, 1], [1, 2]]);
    expect(store.getState().expandSigmoid).toBe(true);
    // At the last step of the last slide, next stays put.
    const last = store.getState().model!.schedule.last;
    store.getState().goTo('end');
    store.getState().advance();
    expect([store.getState().slide, store.getState().step]).toEqual([1, last]);
    // Back from the second slide's start goes to the first slide's last stop.
    store.getState().goTo('start');
    store.getState().retreat();
    expect([store.getState().slide, store.getState().step]).toEqual([0, 4]);
    expect(store.getState().expandSigmoid).toBe(false);
    store.getState().retreat();
    expect(store.getState().step).toBe(2);
  });

  it('ignores slides that do not exist, and a closed deck leaves the formula on screen', () => {
    const store = initAppStore({ source: 'x = 1; f = x' });
    store.getState().openDeck(tiny, { slide: 99 });
    expect(store.getState().slide).toBe(1);
    store.getState().goToSlide(5);
    store.getState().goToSlide('next');
    expect(store.getState().slide).toBe(1);
    store.getState().closeDeck();
    expect(store.getState().deck).toBeNull();
    expect(store.getState().source).toBe(tiny.slides[1]!.source);
  });
});

describe('a deck’s quiz score', () => {
  it('adds up every slide’s answers, counting a formula shared by two slides once', async () => {
    const { deckQuizScore } = await import('./quiz-selectors.ts');
    const store = initAppStore({ source: 'x = 1; f = x' });
    const deck: Deck = { title: 'q', slides: [tiny.slides[0]!, tiny.slides[1]!, tiny.slides[0]!] };
    store.getState().openDeck(deck);
    store.getState().setQuiz(true);
    store.getState().goTo(1);
    expect(store.getState().submitGuess('3').ok).toBe(true); // q = x + y = 3: right
    store.getState().goToSlide(1);
    store.getState().goTo(1);
    expect(store.getState().submitGuess('999').ok).toBe(true); // wrong
    store.getState().goTo(2);
    store.getState().revealAnswer();
    expect(deckQuizScore(store.getState())).toEqual({ right: 1, answered: 2, revealed: 1 });
  });
});
