import { askedText, pendingQuestion } from '../state/quiz-selectors.ts';
import { ExplanationPanel } from './ExplanationPanel.tsx';
import { useApp } from './store-context.ts';

/**
 * The step's explanation, except while its quiz question is open: the explanation writes the answer out, so the
 * question stands in its place and size until the student has answered it, or the presenter's clicker revealed it.
 */
export function QuizGuardedExplanation() {
  const question = useApp(pendingQuestion);
  // The presentation view has no guess box: the room answers aloud and the clicker reveals.
  const present = useApp((s) => s.present);
  if (!question) return <ExplanationPanel />;
  const asked = askedText(question);
  return (
    <section className="panel explanation quiz-withheld" aria-label="What this step does" data-testid="explain.withheld">
      <h2 className="panel-title">Predict it</h2>
      <p className="formula-line" data-testid="explain.withheld.question">{asked}</p>
      <p className="hint">{present ? 'Predict it, then press → to reveal it and its explanation.' : 'The explanation follows the answer: type a guess, or press → (or Reveal) to see it.'}</p>
    </section>
  );
}
