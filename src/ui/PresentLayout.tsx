import { useCallback, type ReactNode } from 'react';
import { CircuitPanel } from './CircuitPanel.tsx';
import { QuizGuardedExplanation } from './QuizGuardedExplanation.tsx';
import { TypesetContext } from './typeset-context.ts';
import { GateCodePanel } from './GateCodePanel.tsx';
import { GradCheckPanel } from './GradCheckPanel.tsx';
import { TrainPanel } from './TrainPanel.tsx';
import { useApp } from './store-context.ts';
import { usePresentationScreen } from './use-presentation-screen.ts';

const PHASES = { start: 'Inputs', forward: 'Forward pass', seed: 'Backward pass', backward: 'Backward pass' } as const;

/**
 * The presentation view, for a lecture hall: the circuit as large as the screen allows, the step's explanation in
 * large type beneath it, where you are, and nothing else. `b` blanks the screen, `Esc` leaves.
 */
export function PresentLayout({ presenterButton }: { presenterButton?: ReactNode }) {
  const deck = useApp((s) => s.deck);
  const slideIndex = useApp((s) => s.slide);
  const step = useApp((s) => s.step);
  const model = useApp((s) => s.model);
  const blank = useApp((s) => s.blank);
  const setPresent = useApp((s) => s.setPresent);
  const check = useApp((s) => s.showGradCheck);
  const code = useApp((s) => s.showCode);
  const train = useApp((s) => s.showTrain);
  const side = check || code || train;
  const leave = useCallback(() => setPresent(false), [setPresent]);
  const { idle } = usePresentationScreen(leave);
  const slide = deck?.slides[slideIndex];
  const title = slide?.title || (model ? `f = ${model.circuit.outputName}` : 'Circuit');
  const phase = model ? PHASES[model.schedule.step(step).phase] : '';
  return (
    <div className={`app present${idle ? ' pointer-idle' : ''}`} data-testid="present">
      <header className="present-bar">
        <h1 className="present-title" data-testid="present.title">{title}</h1>
        <p className="present-where" data-testid="present.where" data-slide={slideIndex + 1} data-step={step}>
          {deck && <span>slide {slideIndex + 1} of {deck.slides.length}</span>}
          {model && <span>step {step} of {model.schedule.last}</span>}
          {phase && <span>{phase}</span>}
        </p>
        <div className="present-actions">
          {presenterButton}
          <button type="button" onClick={leave} title="Leave the presentation view (Esc)" data-testid="present.leave">Leave</button>
        </div>
      </header>
      {slide?.notice && <p className="present-notice" data-testid="present.notice">{slide.notice}</p>}
      <main className={`present-stage${side ? ' with-side' : ''}`}>
        <CircuitPanel present />
        {/* Maths as on the slides: ∂f/∂x as a fraction, typeset by KaTeX, which loads only here. */}
        <TypesetContext value={true}><QuizGuardedExplanation /></TypesetContext>
        {side && (
          <aside className="present-side">
            {code && <GateCodePanel />}
            {check && <GradCheckPanel />}
            {train && <TrainPanel />}
          </aside>
        )}
      </main>
      {blank && <div className="present-blank" data-testid="present.blank" aria-label="Screen blanked: press B to show it again" role="status" />}
    </div>
  );
}
