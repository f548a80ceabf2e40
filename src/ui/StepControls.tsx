import { SPEEDS } from '../state/store.ts';
import { Icon } from './icons.tsx';
import { useApp } from './store-context.ts';

const PHASE_NAMES = { start: 'Inputs', forward: 'Forward pass', seed: 'Backward pass', backward: 'Backward pass' } as const;

export function StepControls() {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const playing = useApp((s) => s.playing);
  const speed = useApp((s) => s.speed);
  const goTo = useApp((s) => s.goTo);
  const setPlaying = useApp((s) => s.setPlaying);
  const setSpeed = useApp((s) => s.setSpeed);
  if (!model) return null;
  const { schedule } = model;
  const { phase } = schedule.step(step);
  const phaseKey = phase === 'seed' || phase === 'backward' ? 'backward' : phase === 'forward' ? 'forward' : 'start';

  return (
    <div className="step-controls" role="toolbar" aria-label="Step through the passes">
      <button type="button" onClick={() => goTo('start')} disabled={step === 0} aria-label="Go to start (Home)" title="Start (Home)" data-testid="steps.start"><Icon name="start" /></button>
      <button type="button" onClick={() => goTo('prev')} disabled={step === 0} aria-label="Step back (←)" title="Back (← or PageUp)" data-testid="steps.prev"><Icon name="prev" /></button>
      <button type="button" className="play" onClick={() => setPlaying(!playing)} aria-label={playing ? 'Pause' : 'Play'} title="Play / pause (P)" data-testid="steps.play">{playing ? <Icon name="pause" /> : <Icon name="play" />}</button>
      <button type="button" onClick={() => goTo('next')} disabled={step === schedule.last} aria-label="Step forward (→)" title="Forward (→, PageDown or Space)" data-testid="steps.next"><Icon name="next" /></button>
      <button type="button" onClick={() => goTo('end')} disabled={step === schedule.last} aria-label="Go to end (End)" title="End (End)" data-testid="steps.end"><Icon name="end" /></button>
      <label className="speed">
        <span>Speed</span>
        <select value={speed} onChange={(e) => setSpeed(Number(e.target.value))} aria-label="Playback speed" data-testid="steps.speed">
          {SPEEDS.map((s) => <option key={s} value={s}>{s}×</option>)}
        </select>
      </label>
      <div className={`progress phase-${phaseKey}`} data-testid="steps.progress" data-step={step} data-phase={phaseKey} aria-live="polite">
        <span className="phase-name">{PHASE_NAMES[phase]}</span>
        <span className="step-count">step {step} of {schedule.last}</span>
        <progress max={schedule.last} value={step} aria-label={`step ${step} of ${schedule.last}`} />
      </div>
    </div>
  );
}
