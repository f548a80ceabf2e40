import { describe, expect, it } from 'vitest';
import { LECTURE_DECK } from '../core/index.ts';
import { currentQuestion, deckQuizScore, hiddenLabels, pendingQuestion, quizScore } from './quiz-selectors.ts';
import { initAppStore } from './store.ts';

const LECTURE_1 = 'x = -2; y = 5; z = -4; f = (x + y) * z';
const VECTOR_NORM = 'W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)';
const quizStore = (source = LECTURE_1) => initAppStore({ source, quiz: true });

describe('the quiz in the store', () => {
  it('is off unless asked for; with it off nothing is pending or hidden', () => {
    const store = initAppStore({ source: LECTURE_1, step: 1 });
    expect(store.getState().quiz).toBe(false);
    expect(currentQuestion(store.getState())?.asked).toBe('f₁');
    expect(pendingQuestion(store.getState())).toBeNull();
    expect(hiddenLabels(store.getState())).toEqual({ value: [], grad: [], tag: [], asked: -1 });
  });

  it('judges guesses, keeps each step’s answer when stepping away and back, and scores right of answered', () => {
    const store = quizStore();
    const s = () => store.getState();
    s().goTo('next');
    expect(pendingQuestion(s())?.asked).toBe('f₁');
    expect(hiddenLabels(s()).value).toEqual([3]);
    const wrong = s().submitGuess('4');
    expect(wrong).toMatchObject({ ok: true, answer: { verdict: 'wrong', guess: '4', answerText: '3', reason: 'f₁ = x + y = -2 + 5 = 3' } });
    expect(pendingQuestion(s())).toBeNull();
    expect(hiddenLabels(s()).value).toEqual([]);
    s().goTo('next');
    expect(s().submitGuess(' -12 ')).toMatchObject({ ok: true, answer: { verdict: 'right', guess: '-12' } });
    expect(quizScore(s())).toEqual({ right: 1, answered: 2, revealed: 0 });
    // Back, to the start and to the end: the answers stay, and a second guess changes nothing.
    s().goTo('start');
    s().goTo('end');
    s().goTo(1);
    expect(pendingQuestion(s())).toBeNull();
    expect(s().submitGuess('3')).toMatchObject({ ok: true, answer: { verdict: 'wrong' } });
    expect(quizScore(s())).toEqual({ right: 1, answered: 2, revealed: 0 });
  });

  it('a guess that cannot be read is refused and not counted', () => {
    const store = quizStore();
    store.getState().goTo(1);
    expect(store.getState().submitGuess('three')).toMatchObject({ ok: false, message: expect.stringMatching(/not a number/) });
    expect(quizScore(store.getState())).toEqual({ right: 0, answered: 0, revealed: 0 });
    expect(store.getState().lastAnswer).toBeNull();
  });

  it('the clicker’s next reveals a pending ? first (counted as revealed), and steps on the press after', () => {
    const store = quizStore();
    const s = () => store.getState();
    s().nextOrReveal();
    expect(s().step).toBe(1);
    s().nextOrReveal();
    expect(s().step).toBe(1);
    expect(s().lastAnswer).toMatchObject({ verdict: 'revealed', guess: null, step: 1, wire: 'f₁' });
    s().nextOrReveal();
    expect(s().step).toBe(2);
    expect(quizScore(s())).toEqual({ right: 0, answered: 0, revealed: 1 });
    // With the quiz off it only steps.
    s().setQuiz(false);
    s().nextOrReveal();
    expect(s().step).toBe(3);
  });

  it('scores each circuit by its source; another formula starts afresh and coming back finds the old answers', () => {
    const store = quizStore();
    const s = () => store.getState();
    s().goTo(1);
    s().submitGuess('3');
    s().setSource('a = 2; f = a * a', 1);
    expect(quizScore(s())).toEqual({ right: 0, answered: 0, revealed: 0 });
    expect(quizScore(s(), LECTURE_1)).toEqual({ right: 1, answered: 1, revealed: 0 });
    s().setSource(LECTURE_1, 1);
    expect(pendingQuestion(s())).toBeNull();
    s().restartQuiz();
    expect(pendingQuestion(s())?.asked).toBe('f₁');
    expect(quizScore(s())).toEqual({ right: 0, answered: 0, revealed: 0 });
  });

  it('a deck’s score sums its slides’ circuits; with no deck there is none', () => {
    const store = quizStore();
    const s = () => store.getState();
    expect(deckQuizScore(s())).toBeNull();
    s().openDeck(LECTURE_DECK, { slide: 1, step: 1 });
    s().goTo(1);
    s().submitGuess(pendingQuestion(s())!.answerText);
    s().goToSlide('next', 1);
    s().submitGuess('1e9');
    s().nextOrReveal();
    expect(quizScore(s())).toEqual({ right: 0, answered: 1, revealed: 0 });
    expect(deckQuizScore(s())).toEqual({ right: 1, answered: 2, revealed: 0 });
  });

  it('on tensor wires, hides the shape tags of wires not yet computed, and the asked one until answered', () => {
    const store = quizStore(VECTOR_NORM);
    const s = () => store.getState();
    const q = s().model!.circuit.indexById.get('q')!;
    const f1 = s().model!.circuit.indexById.get('f~1')!;
    expect(hiddenLabels(s()).tag).toEqual([q, f1]);
    s().goTo(1);
    expect(pendingQuestion(s())).toMatchObject({ kind: 'shape', answerText: '2' });
    expect(hiddenLabels(s())).toEqual({ value: [q], grad: [], tag: [q, f1], asked: q });
    expect(s().submitGuess('(2,)')).toMatchObject({ ok: true, answer: { verdict: 'right', answer: [2] } });
    expect(hiddenLabels(s()).tag).toEqual([f1]);
  });
});
