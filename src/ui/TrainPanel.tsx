import { useMemo, useState } from 'react';
import { formatFull } from '../core/index.ts';
import { inputRoles, liveSession } from '../state/training-session.ts';
import { DecisionHeatmap } from './DecisionHeatmap.tsx';
import { LossChartView } from './LossChartView.tsx';
import { ParameterList } from './ParameterList.tsx';
import { useApp, useAppStore } from './store-context.ts';
import { TrainControls } from './TrainControls.tsx';
import './train.css';
import { useTrainLoop } from './use-train-loop.ts';

/**
 * Gradient descent on the circuit shown: choose the parameters and a learning rate, then step, run or play. The
 * circuit updates in place (a private engine trains; each frame publishes its state), and the run is recorded,
 * so the loss chart can take the circuit back to any iteration.
 */
export function TrainPanel() {
  const store = useAppStore();
  useTrainLoop(store);
  const model = useApp((s) => s.model);
  const toggles = useApp((s) => s.trainToggles);
  const session = useApp((s) => liveSession(s.model, s.training));
  const open = useApp((s) => s.showTrain);
  const setOpen = useApp((s) => s.setShowTrain);
  const [note, setNote] = useState<string | null>(null);
  const roles = useMemo(() => (model ? inputRoles(model, toggles) : []), [model, toggles]);
  if (!model) return null;
  const hasParameters = roles.some((r) => r.parameter);
  const write = () => setNote(store.getState().writeTrainedValues() ?? 'Written: the formula now holds these values.');
  return (
    <details className="panel train" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)} data-testid="train">
      <summary className="panel-title">
        <span className="disclosure" aria-hidden="true">{open ? '▾' : '▸'}</span> Train: gradient descent
        {!open && <span className="hint"> — learn the parameters, click to open</span>}
      </summary>
      {open && (
        <>
          <p className="hint">Each iteration runs the forward and backward pass, then moves every parameter p to p − rate · ∂{model.circuit.outputName}/∂p.</p>
          <ParameterList roles={roles} />
          {!hasParameters && roles.length > 0 && <p className="hint" data-testid="train.none">Tick an input to train it.</p>}
          <TrainControls hasParameters={hasParameters} />
          <p className="train-status" data-testid="train.status" aria-live="off">
            {session
              ? <>iteration <strong data-testid="train.iteration">{session.shown.toLocaleString('en-US')}</strong>
                {session.shown !== session.last && <> of {session.last.toLocaleString('en-US')}</>}
                {' · '}{model.circuit.outputName} = <strong data-testid="train.loss">{formatFull(session.run.lossHistory[session.shown] as number)}</strong></>
              : 'Not trained yet: Step, Run or Play starts a run from the values shown.'}
          </p>
          {session && <LossChartView session={session} />}
          <DecisionHeatmap />
          <div className="train-write">
            <button type="button" onClick={write} disabled={!session || session.last === 0} data-testid="train.write"
              title="Replace the numbers in the formula with the values shown (the formula is compiled again)">Write values into the formula</button>
            {note && <p className="hint" role="status" data-testid="train.note">{note}</p>}
          </div>
        </>
      )}
    </details>
  );
}
