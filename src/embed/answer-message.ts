import type { Shape } from '../core/index.ts';
import type { QuizKind, Verdict } from '../core/quiz/index.ts';
import type { QuizScore, RecordedAnswer } from '../state/quiz-selectors.ts';

/** App → host, once per question answered or revealed in quiz mode (`quiz=1`). */
export interface AnswerMessage {
  readonly type: 'circuit:answer';
  /** The wire asked about, as `label` in circuit:state's `wires`. */
  readonly wire: string;
  readonly kind: QuizKind;
  /** What the student typed (trimmed); null when the answer was revealed without a guess. */
  readonly guess: string | null;
  /** A number for a value or a gradient; `[n]` or `[r, c]` for a shape; `[rows, cols]` for a Jacobian. */
  readonly answer: number | Shape;
  readonly verdict: Verdict;
  readonly step: number;
  /** This circuit's score so far: right of the guesses judged (revealed answers are not counted). */
  readonly score: { readonly right: number; readonly answered: number };
}

export function answerMessage(answer: RecordedAnswer, score: QuizScore): AnswerMessage {
  return {
    type: 'circuit:answer',
    wire: answer.wire,
    kind: answer.kind,
    guess: answer.guess,
    answer: typeof answer.answer === 'number' ? answer.answer : [...answer.answer],
    verdict: answer.verdict,
    step: answer.step,
    score: { right: score.right, answered: score.answered },
  };
}
