import type { Deck } from '../core/index.ts';
import { quizScore, type QuizAnswers, type QuizScore } from './quiz-selectors.ts';

/** A deck's quiz score: every slide's circuit counted once (slides may share a formula), summed. */
export function deckQuizScore(state: { deck: Deck | null; quiz: boolean; quizAnswers: QuizAnswers; model: null | { source: string }; step: number }): QuizScore {
  const total = { right: 0, answered: 0, revealed: 0 };
  for (const source of new Set(state.deck?.slides.map((s) => s.source) ?? [])) {
    const s = quizScore({ ...state, model: null }, source);
    total.right += s.right;
    total.answered += s.answered;
    total.revealed += s.revealed;
  }
  return total;
}
