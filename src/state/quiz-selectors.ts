import { questionAt, type Question, type QuizHides, type QuizKind, type Verdict } from '../core/quiz/index.ts';
import type { Shape } from '../core/index.ts';
import type { Model } from './model.ts';

/** One question answered (or revealed), as kept in the store and told to a host page. */
export interface RecordedAnswer {
  readonly source: string;
  readonly key: string;
  readonly step: number;
  readonly kind: QuizKind;
  readonly wire: string;
  readonly asked: string;
  /** What was typed, trimmed; null when the answer was revealed without a guess. */
  readonly guess: string | null;
  readonly answer: number | Shape;
  readonly answerText: string;
  readonly verdict: Verdict;
  readonly reason: string;
}

/** Answers by circuit source, then by question key: a step's answer stays when stepping away and back. */
export type QuizAnswers = ReadonlyMap<string, ReadonlyMap<string, RecordedAnswer>>;

export interface QuizScore {
  readonly right: number;
  /** Guesses judged: right or wrong. A revealed answer is counted apart. */
  readonly answered: number;
  readonly revealed: number;
}

interface QuizView {
  readonly quiz: boolean;
  readonly quizAnswers: QuizAnswers;
  readonly model: Model | null;
  readonly step: number;
}

let cached: { model: Model; step: number; question: Question | null } | null = null;

/** The question of the step shown, whether or not the quiz is on; one per model and step, so selectors stay stable. */
export function currentQuestion(state: Pick<QuizView, 'model' | 'step'>): Question | null {
  const { model, step } = state;
  if (!model) return null;
  if (cached?.model !== model || cached.step !== step) cached = { model, step, question: questionAt(model.tape, model.schedule, step) };
  return cached.question;
}

export function answerTo(state: QuizView, question: Question | null): RecordedAnswer | undefined {
  return question && state.model ? state.quizAnswers.get(state.model.source)?.get(question.key) : undefined;
}

/** A question as written before its answer: `q = ?`, `∂f/∂x = ?`, `The shape of q: ?`. */
export function askedText(question: Question): string {
  if (question.kind === 'value' || question.kind === 'grad') return `${question.asked} = ?`;
  return `${question.asked.charAt(0).toUpperCase()}${question.asked.slice(1)}: ?`;
}

/** The question shown as `?`: the quiz is on and it has not been answered or revealed yet. */
export function pendingQuestion(state: QuizView): Question | null {
  if (!state.quiz) return null;
  const question = currentQuestion(state);
  return question && !answerTo(state, question) ? question : null;
}

/** A circuit's score (the one shown by default), for the quiz box, the embed API and a deck's per-slide total. */
export function quizScore(state: QuizView, source: string | undefined = state.model?.source): QuizScore {
  let right = 0;
  let answered = 0;
  let revealed = 0;
  for (const a of (source === undefined ? undefined : state.quizAnswers.get(source))?.values() ?? []) {
    if (a.verdict === 'revealed') revealed++;
    else answered++;
    if (a.verdict === 'right') right++;
  }
  return { right, answered, revealed };
}

/** The open deck's score: every slide's circuit summed (a slide edited since it opened counts as another circuit). */
export function deckQuizScore(state: QuizView & { readonly deck: { readonly slides: readonly { readonly source: string }[] } | null }): QuizScore | null {
  if (!state.deck) return null;
  let right = 0;
  let answered = 0;
  let revealed = 0;
  for (const source of new Set(state.deck.slides.map((s) => s.source))) {
    const score = quizScore(state, source);
    right += score.right;
    answered += score.answered;
    revealed += score.revealed;
  }
  return { right, answered, revealed };
}

const NOTHING_HIDDEN: QuizHides & { asked: number } = { value: [], grad: [], tag: [], asked: -1 };

/**
 * The labels drawn as `?`: the pending question's, and with the quiz on, the shape tag of every tensor wire not yet
 * computed (a tag shown from the start would answer the shape question before it is asked).
 */
export function hiddenLabels(state: QuizView): QuizHides & { readonly asked: number } {
  const { model, step } = state;
  if (!state.quiz || !model) return NOTHING_HIDDEN;
  const pending = pendingQuestion(state);
  const tag = [...(pending?.hides.tag ?? [])];
  const { nodes } = model.circuit;
  for (let i = 0; i < nodes.length; i++) if ((nodes[i]?.shape.length ?? 0) > 0 && (model.schedule.valueStep[i] as number) > step) tag.push(i);
  return { value: pending?.hides.value ?? [], grad: pending?.hides.grad ?? [], tag, asked: pending?.node ?? -1 };
}
