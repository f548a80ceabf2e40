import { useEffect, useRef, useState } from 'react';
import { LossChart, lossText } from '../render/loss-chart.ts';
import type { TrainingSession } from '../state/training-session.ts';
import { useAppStore } from './store-context.ts';

/** The loss over the run, with the iteration shown; drag along it, or focus it and use ←/→, to show another. */
export function LossChartView({ session }: { session: TrainingSession }) {
  const store = useAppStore();
  const svg = useRef<SVGSVGElement>(null);
  const chart = useRef<LossChart | null>(null);
  const [log, setLog] = useState(false);
  useEffect(() => {
    if (!svg.current) return;
    const c = new LossChart(svg.current, (i) => store.getState().trainShow(i));
    chart.current = c;
    return () => {
      c.destroy();
      chart.current = null;
    };
  }, [store]);
  const { run, shown, last, divergedAt } = session;
  useEffect(() => {
    chart.current?.update({ losses: run.lossHistory, shown, divergedAt, log });
  }, [run, shown, last, divergedAt, log]);

  const onKey = (e: React.KeyboardEvent) => {
    const big = Math.max(1, Math.round(last / 10));
    const to = { ArrowLeft: shown - 1, ArrowRight: shown + 1, PageDown: shown - big, PageUp: shown + big, Home: 0, End: last }[e.key];
    if (to === undefined) return;
    e.preventDefault();
    store.getState().trainShow(e.shiftKey && e.key.startsWith('Arrow') ? shown + Math.sign(to - shown) * big : to);
  };
  const loss = run.lossHistory[shown] as number;
  return (
    <figure className="loss-chart" data-testid="train.chart">
      <svg
        ref={svg} className="loss-chart-svg" tabIndex={0} role="slider" data-own-arrows=""
        aria-label="Training iteration shown (loss over the iterations)" aria-valuemin={0} aria-valuemax={last} aria-valuenow={shown}
        aria-valuetext={`iteration ${shown} of ${last}, loss ${lossText(loss)}`} onKeyDown={onKey} data-testid="train.chart.svg"
      />
      <figcaption>
        <label className="train-log"><input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="train.log" /> log scale</label>
        <span className="hint">drag, or ←/→ when focused, to go back in the run</span>
      </figcaption>
      {divergedAt >= 0 && (
        <p className="train-diverged" role="status" data-testid="train.diverged">
          Diverged: the loss is {lossText(run.lossHistory[divergedAt] as number)} from iteration {divergedAt.toLocaleString('en-US')}. The learning
          rate is too large for this loss; Reset and try a smaller one.
        </p>
      )}
    </figure>
  );
}
