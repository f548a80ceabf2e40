import { pendingQuestion } from '../state/quiz-selectors.ts';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { useApp } from './store-context.ts';

/**
 * The step's explanation, except while its quiz question is open: the explanation writes the answer out, so it waits
 * in the same place and size until the student has answered or revealed it.
 */
export function QuizGuardedExplanation() {
  const withheld = useApp((s) => pendingQuestion(s) !== null);
  const hasModel = useApp((s) => s.model !== null);
  if (!withheld) return <ExplanationPanel />;
  if (!hasModel) return null;
  return (
    <section className="panel explanation quiz-withheld" aria-label="What this step does" data-testid="explain.withheld">
      <h2 className="panel-title">What this step does</h2>
      <p className="hint">Shown once you have answered or revealed the quiz question: it would give the answer away.</p>
    </section>
  );
}
