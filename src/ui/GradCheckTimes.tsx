import { useMemo } from 'react';
import { gradientCheckTiming, type GradCheckTiming } from '../core/index.ts';
import { useApp } from './store-context.ts';

/** Two significant digits: 0.0042 ms, 0.12 ms, 1.2 ms; whole milliseconds from 100. */
export const formatMs = (ms: number): string => `${ms >= 100 ? Math.round(ms) : Number(ms.toPrecision(2))} ms`;

const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 'es'}`;

/** How many passes each gradient took and how long, e.g. "numerical: 6 forward passes, 0.0031 ms · analytic: …". */
export function timingText(t: GradCheckTiming): string {
  return `numerical: ${plural(t.forwardPasses, 'forward pass')}, ${formatMs(t.numericalMs)} · analytic: ${plural(t.backwardPasses, 'backward pass')}, ${formatMs(t.analyticMs)}`;
}

/** The lecture's point about the two gradients, measured on this circuit: the numerical one is slow, the analytic one is not. */
export function GradCheckTimes() {
  const model = useApp((s) => s.model);
  const open = useApp((s) => s.showGradCheck);
  const timing = useMemo(() => (model && open ? gradientCheckTiming(model.tape) : null), [model, open]);
  if (!timing) return null;
  const ratio = timing.numericalMs / timing.analyticMs;
  return (
    <p className="hint gradcheck-times" data-testid="gradcheck.times">
      {timingText(timing)}
      {ratio >= 1.5 && <> — the numerical gradient took {ratio >= 10 ? Math.round(ratio).toLocaleString('en-US') : ratio.toFixed(1)}× as long.</>}
    </p>
  );
}
