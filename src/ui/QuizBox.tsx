import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { TOLERANCE_TEXT, type Question, type QuizKind } from '../core/quiz/index.ts';
import { answerTo, currentQuestion, deckQuizScore, quizScore, type QuizScore, type RecordedAnswer } from '../state/quiz-selectors.ts';
import { useApp, useAppStore } from './store-context.ts';

const HOW: Record<QuizKind, string> = {
  value: `A number such as -4, 0.2, 1e-3 or 1/3; right ${TOLERANCE_TEXT}.`,
  grad: `A number such as -4, 0.2, 1e-3 or 1/3; right ${TOLERANCE_TEXT}.`,
  shape: 'A shape such as 2, 2x3 or (2, 3).',
  jacobian: 'Rows × columns, such as 10x3: a row per number out, a column per number in.',
};
// Short enough for a small frame's field, and never a likely answer (4096x4096 would be one).
const PLACEHOLDER: Record<QuizKind, string> = { value: 'e.g. -4', grad: 'e.g. -4', shape: 'e.g. 2x3', jacobian: 'rows x cols' };
/** Which number each step asks for, said once in the box so the questions are no surprise. */
export const QUIZ_ORDER = 'Forward steps ask for the gate’s output; backward steps for the gradient on its first input (the others appear with the answer).';

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const isNumberKind = (kind: QuizKind) => kind === 'value' || kind === 'grad';
const prompt = (q: Pick<Question, 'kind' | 'asked'>) => (isNumberKind(q.kind) ? `${q.asked} =` : `${capital(q.asked)}:`);
const statement = (a: RecordedAnswer) => (isNumberKind(a.kind) ? `${a.asked} = ${a.answerText}` : `${capital(a.asked)} is ${a.answerText}`);

export function scoreText({ right, answered, revealed }: QuizScore): string {
  const parts = [answered ? `${right} of ${answered} right` : 'No answers yet'];
  if (revealed) parts.push(`${revealed} revealed`);
  return parts.join(' · ');
}

function Verdict({ answer, focus, onFocused }: { answer: RecordedAnswer; focus: boolean; onFocused: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // After Check or Reveal the field is gone: the verdict takes the focus, so the clicker keys step on from here.
  useEffect(() => {
    if (!focus) return;
    ref.current?.focus();
    onFocused();
  }, [focus, onFocused]);
  const head = answer.verdict === 'right' ? `✓ Right: ${statement(answer)}`
    : answer.verdict === 'wrong' ? `✗ Not quite: ${statement(answer)}, not ${answer.guess}`
    : `Revealed: ${statement(answer)}`;
  return (
    <div ref={ref} className={`quiz-verdict ${answer.verdict}`} tabIndex={-1} data-testid="quiz.verdict" data-verdict={answer.verdict}>
      <p className="quiz-verdict-head">{head}</p>
      <p className="quiz-reason" data-testid="quiz.reason"><span className="quiz-why">Why: </span>{answer.reason}</p>
    </div>
  );
}

function GuessForm({ question, onAnswered }: { question: Question; onAnswered: () => void }) {
  const store = useAppStore();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = store.getState().submitGuess(text);
    if (result.ok) onAnswered();
    else setProblem(result.message);
  };
  const reveal = () => {
    store.getState().revealAnswer();
    onAnswered();
  };
  return (
    <form className="quiz-form" onSubmit={submit} data-testid="quiz.form">
      <label htmlFor={`${id}-guess`} className={isNumberKind(question.kind) ? 'formula' : undefined} data-testid="quiz.prompt">{prompt(question)}</label>
      <input
        id={`${id}-guess`} type="text" value={text} autoComplete="off" spellCheck={false} inputMode="text"
        placeholder={PLACEHOLDER[question.kind]} aria-describedby={`${id}-how`} aria-invalid={problem ? true : undefined}
        title={`${HOW[question.kind]} Enter checks; Esc leaves the field.`} data-testid="quiz.input"
        onChange={(e) => { setText(e.target.value); setProblem(null); }}
      />
      <button type="submit" data-testid="quiz.check">Check</button>
      <button type="button" onClick={reveal} title="Show the answer without guessing (→ or PageDown does too)" data-testid="quiz.reveal">Reveal</button>
      <span id={`${id}-how`} className={problem ? 'quiz-problem' : 'quiz-how'} role={problem ? 'alert' : undefined} data-testid={problem ? 'quiz.error' : 'quiz.how'}>
        {problem ?? HOW[question.kind]}
      </span>
    </form>
  );
}

/** Predict, then reveal: the current step's question, the verdict once answered, and the circuit's score. */
export function QuizBox({ compact = false }: { compact?: boolean }) {
  const store = useAppStore();
  const quiz = useApp((s) => s.quiz);
  const question = useApp(currentQuestion);
  const answer = useApp((s) => answerTo(s, currentQuestion(s)));
  useApp((s) => s.quizAnswers);
  useApp((s) => s.deck);
  const [focusVerdict, setFocusVerdict] = useState(false);
  const focused = useCallback(() => setFocusVerdict(false), []);
  if (!quiz) return null;
  const score = quizScore(store.getState());
  const deckScore = deckQuizScore(store.getState());
  const step = store.getState().step;
  const started = score.answered + score.revealed > 0;
  return (
    <section className={`panel quiz${compact ? ' compact' : ''}`} aria-label="Quiz" data-testid="quiz">
      {/* A small frame has no room for an empty score: it appears with the first answer. */}
      {(!compact || started) && (
        <div className="quiz-head">
          <h2 className="panel-title">Quiz</h2>
          <span className="quiz-score" aria-live="polite" data-testid="quiz.score">{scoreText(score)}</span>
          {deckScore && !compact && <span className="quiz-deck-score" data-testid="quiz.deck-score">Deck: {scoreText(deckScore)}</span>}
          <button type="button" className="quiz-restart" disabled={!started} onClick={() => store.getState().restartQuiz()} data-testid="quiz.restart">Start over</button>
        </div>
      )}
      <div className="quiz-body" aria-live="polite">
        {question && answer && <Verdict answer={answer} focus={focusVerdict} onFocused={focused} />}
        {question && !answer && <GuessForm key={question.key} question={question} onAnswered={() => setFocusVerdict(true)} />}
        {!question && (
          <p className="quiz-idle" data-testid="quiz.idle">
            {step === 0 ? 'Step forward (→): each step shows ? where its number will be, for you to predict.' : 'Nothing to predict here: this gate’s inputs are constants.'}
          </p>
        )}
      </div>
      {!compact && !answer && <p className="hint quiz-order">{QUIZ_ORDER}</p>}
    </section>
  );
}
