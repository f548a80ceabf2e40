import type { CSSProperties, KeyboardEvent, PointerEvent } from 'react';
import { useApp } from './store-context.ts';

/**
 * The progress bar, which is also a slider: click or drag along it to scrub through the steps. The part before the
 * seed step is tinted as the forward pass, the rest as the backward pass. ← → and the other clicker keys step it
 * through the window's handler (use-keyboard.ts), like everywhere else; ↑ ↓ step it here, as a slider's keys do.
 */
export function StepScrubber({ label }: { label: string }) {
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const goTo = useApp((s) => s.goTo);
  const setPlaying = useApp((s) => s.setPlaying);
  if (!model) return null;
  const { last, seedStep } = model.schedule;
  const fraction = (k: number) => (last > 0 ? k / last : 0);

  const stepAt = (e: PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const f = box.width > 0 ? (e.clientX - box.left) / box.width : 0;
    return Math.round(Math.min(1, Math.max(0, f)) * last);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setPlaying(false);
    goTo(stepAt(e));
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.currentTarget.hasPointerCapture(e.pointerId)) goTo(stepAt(e));
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.shiftKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    goTo(e.key === 'ArrowUp' ? 'next' : 'prev');
  };
  const style = { '--at': `${fraction(step) * 100}%`, '--seed': `${fraction(seedStep) * 100}%` } as CSSProperties;

  return (
    <div
      className="scrubber"
      role="slider"
      tabIndex={0}
      aria-label="Step"
      aria-valuemin={0}
      aria-valuemax={last}
      aria-valuenow={step}
      aria-valuetext={label}
      title="Click or drag to go to a step"
      data-testid="steps.scrubber"
      style={style}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onKeyDown={onKeyDown}
    >
      <span className="scrubber-track"><span className="scrubber-fill" /></span>
      <span className="scrubber-thumb" />
    </div>
  );
}
