import { explainStep, toText, type StepExplanation } from '../core/index.ts';
import type { Question } from '../core/quiz/index.ts';
import { askedText, pendingQuestion } from '../state/quiz-selectors.ts';
import { useApp } from './store-context.ts';

const PHASE_WORD = { start: 'Inputs', forward: 'Forward', seed: 'Backward', backward: 'Backward', 'tensor-backward': 'Backward' } as const;

/** The step's sentence for a screen reader, from the explanation's own text: `Forward: q = x + y = -2 + 5 = 3`. */
export function announcement(e: StepExplanation, question: Question | null): string {
  const word = PHASE_WORD[e.phase];
  // The quiz's question is asked, not answered: the explanation would say the number.
  if (question) return `${word}: ${askedText(question)}, predict it.`;
  if (e.phase === 'backward' || e.phase === 'tensor-backward') return `${word}: ${e.terms.map((t) => toText(t.math.chain)).join('; ') || e.lines[0]}`;
  return `${word}: ${e.lines[0] ?? e.title}`;
}

/**
 * Says each step once, politely, where a screen reader will hear it, whatever moved it: a key, a button, Play, a
 * click on a gate or the embed API. The explanation panel and the step bar stay quiet, so it is said once.
 */
export function StepAnnouncer() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const question = useApp(pendingQuestion);
  useApp((s) => s.revision);
  const text = model ? `Step ${step} of ${model.schedule.last}. ${announcement(explainStep(model.tape, model.schedule, step), question)}` : '';
  return <p className="visually-hidden" aria-live="polite" data-testid="circuit.announce">{text}</p>;
}
