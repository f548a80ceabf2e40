import { pendingQuestion } from '../state/quiz-selectors.ts';
import { SPEEDS } from '../state/store.ts';
import { Icon } from './icons.tsx';
import { StepScrubber } from './StepScrubber.tsx';
import { useApp } from './store-context.ts';
import { useTextFocus } from './text-focus.ts';

const PHASE_NAMES = { start: 'Inputs', forward: 'Forward', seed: 'Backward', backward: 'Backward' } as const;

export function StepControls() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const goTo = useApp((s) => s.goTo);
  const setPlaying = useApp((s) => s.setPlaying);
  const setSpeed = useApp((s) => s.setSpeed);
  const nextOrReveal = useApp((s) => s.nextOrReveal);
  // With the quiz on, Next on a `?` reveals it first, as the clicker does.
  const asking = useApp((s) => pendingQuestion(s) !== null);
  // The editor says so itself; for any other field (a value) the hint sits here, where stepping happens.
  const typingInField = useTextFocus() === 'field';
  if (!model) return null;
  const { schedule } = model;
  const { phase } = schedule.step(step);
  const phaseKey = phase === 'seed' || phase === 'backward' ? 'backward' : phase === 'forward' ? 'forward' : 'start';
  const phaseName = `${PHASE_NAMES[phase]}${phase === 'start' ? '' : ' pass'}`;

  return (
    <div className="step-controls" role="toolbar" aria-label="Step through the passes">
      <button type="button" onClick={() => goTo('start')} disabled={step === 0} aria-label="Go to start" aria-keyshortcuts="Home" title="Go to start (Home)" data-testid="steps.start"><Icon name="start" /></button>
      <button type="button" onClick={() => goTo('prev')} disabled={step === 0} aria-label="Step back" aria-keyshortcuts="ArrowLeft PageUp" title="Step back (← or PageUp)" data-testid="steps.prev"><Icon name="prev" /></button>
      <button type="button" className="play" onClick={() => setPlaying(!playing)} aria-label={playing ? 'Pause' : 'Play'} aria-keyshortcuts="P" title={playing ? 'Pause (P)' : 'Play through the steps (P)'} data-testid="steps.play">{playing ? <Icon name="pause" /> : <Icon name="play" />}</button>
      <button type="button" onClick={() => nextOrReveal()} disabled={step === schedule.last && !asking} aria-label={asking ? 'Reveal the answer, then step forward' : 'Step forward'} aria-keyshortcuts="ArrowRight PageDown Space" title="Step forward (→, PageDown or Space)" data-testid="steps.next"><Icon name="next" /></button>
      <button type="button" onClick={() => goTo('end')} disabled={step === schedule.last} aria-label="Go to end" aria-keyshortcuts="End" title="Go to end (End)" data-testid="steps.end"><Icon name="end" /></button>
      <label className="speed">
        <span className="speed-word">Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Playback speed" data-testid="steps.speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <div className={`progress phase-${phaseKey}`} data-testid="steps.progress" data-step={step} data-phase={phaseKey}>
        <span className="phase-name">{PHASE_NAMES[phase]}<span className="wide-only">{phase === 'start' ? '' : ' pass'}</span></span>
        <span className="step-count"><span className="wide-only">step </span>{step} of {schedule.last}</span>
        <StepScrubber label={`step ${step} of ${schedule.last}, ${phaseName}`} />
      </div>
      {typingInField && <p className="keys-hint" data-testid="steps.keys-hint">Typing in a field: <kbd>Esc</kbd> to step with the keyboard</p>}
    </div>
  );
}
