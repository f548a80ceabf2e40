import { judge, parseGuess, MAX_GUESS_LENGTH, type Question, type Verdict } from '../core/quiz/index.ts';
import type { Model } from './model.ts';
import { answerTo, currentQuestion, pendingQuestion, type QuizAnswers, type RecordedAnswer } from './quiz-selectors.ts';

export interface QuizSlice {
  /** Predict and reveal: each step's value or gradient is a `?` until the student answers or reveals it. */
  quiz: boolean;
  quizAnswers: QuizAnswers;
  /** The answer given last, for the embed API to announce (a new object each time, so a repeat is still news). */
  lastAnswer: RecordedAnswer | null;
  setQuiz(on: boolean): void;
  /** Judges a guess at the current question; a guess that cannot be read changes nothing and says why. */
  submitGuess(text: string): { ok: true; answer: RecordedAnswer } | { ok: false; message: string };
  /** Shows the current question's answer without a guess (counted as revealed, not right or wrong). */
  revealAnswer(): RecordedAnswer | null;
  /** The clicker's "next" with the quiz on: a pending `?` is revealed first; the press after does `onward` (a step). */
  nextOrReveal(onward?: () => void): void;
  /** Forgets the shown circuit's answers, to take its quiz again. */
  restartQuiz(): void;
}

interface Host extends QuizSlice {
  model: Model | null;
  step: number;
  goTo(target: 'next'): void;
}

const NO_ANSWERS: QuizAnswers = new Map();

export function createQuizSlice(set: (partial: Partial<QuizSlice>) => void, get: () => Host, quiz: boolean): QuizSlice {
  const record = (question: Question, guess: string | null, verdict: Verdict): RecordedAnswer => {
    const state = get();
    const source = (state.model as Model).source;
    const existing = answerTo(state, question);
    if (existing) return existing;
    const { key, step, kind, wire, asked, answer, answerText, reason } = question;
    const recorded: RecordedAnswer = { source, key, step, kind, wire, asked, guess, answer, answerText, verdict, reason };
    const answers = new Map(state.quizAnswers);
    answers.set(source, new Map(answers.get(source)).set(key, recorded));
    set({ quizAnswers: answers, lastAnswer: recorded });
    return recorded;
  };

  return {
    quiz,
    quizAnswers: NO_ANSWERS,
    lastAnswer: null,
    setQuiz: (on) => set({ quiz: on }),
    submitGuess: (text) => {
      const state = get();
      const question = currentQuestion(state);
      if (!state.quiz || !question) return { ok: false, message: 'There is no question at this step.' };
      const already = answerTo(state, question);
      if (already) return { ok: true, answer: already };
      const guess = parseGuess(question.kind, text);
      if (!guess.ok) return guess;
      return { ok: true, answer: record(question, text.trim().slice(0, MAX_GUESS_LENGTH), judge(question.answer, guess)) };
    },
    revealAnswer: () => {
      const question = pendingQuestion(get());
      return question ? record(question, null, 'revealed') : null;
    },
    nextOrReveal: (onward) => {
      if (pendingQuestion(get())) get().revealAnswer();
      else if (onward) onward();
      else get().goTo('next');
    },
    restartQuiz: () => {
      const { model, quizAnswers } = get();
      if (!model || !quizAnswers.has(model.source)) return;
      const answers = new Map(quizAnswers);
      answers.delete(model.source);
      set({ quizAnswers: answers });
    },
  };
}
