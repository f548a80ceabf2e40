import { useState } from 'react';
import { MAX_RUN_ITERATIONS } from '../core/training/index.ts';
import { useApp, useAppStore } from './store-context.ts';
import { NumberField } from './NumberField.tsx';

const readRate = (text: string) => {
  const v = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(v) && v >= 0 ? v : undefined;
};
const readCount = (text: string) => {
  const v = Number(text.trim().replace(/[,_\s]/g, ''));
  return Number.isInteger(v) && v >= 1 && v <= MAX_RUN_ITERATIONS ? v : undefined;
};

/** Learning rate and run length, and the buttons that train: Step, Run N, Play/Pause, Reset. */
export function TrainControls({ hasParameters }: { hasParameters: boolean }) {
  const learningRate = useApp((s) => s.learningRate);
  const runLength = useApp((s) => s.runLength);
  const playing = useApp((s) => s.trainPlaying);
  const hasError = useApp((s) => s.error !== null);
  const store = useAppStore();
  const actions = store.getState();
  const [rateOk, setRateOk] = useState(true);
  const [countOk, setCountOk] = useState(true);
  const canTrain = hasParameters && rateOk && !hasError;
  return (
    <div className="train-controls">
      <div className="train-fields">
        <NumberField label="learning rate" value={learningRate} read={readRate} onValue={actions.setLearningRate} onValidity={setRateOk}
          testId="train.rate" title="Each step moves every parameter by −rate × its gradient (a number ≥ 0)" />
        <NumberField label="N" value={runLength} read={readCount} onValue={actions.setRunLength} onValidity={setCountOk}
          testId="train.count" title={`Iterations for Run (1 to ${MAX_RUN_ITERATIONS.toLocaleString('en-US')})`} />
      </div>
      <div className="train-buttons">
        <button type="button" disabled={!canTrain || playing} onClick={() => actions.trainSteps(1)} data-testid="train.step"
          title="One iteration: forward, backward, update">Step</button>
        <button type="button" disabled={!canTrain || !countOk || playing} onClick={() => actions.trainRun()} data-testid="train.run">
          Run {countOk ? runLength.toLocaleString('en-US') : 'N'}
        </button>
        <button type="button" disabled={!canTrain && !playing} aria-pressed={playing} onClick={() => actions.setTrainPlaying(!playing)} data-testid="train.play">
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" disabled={hasError} onClick={() => actions.trainReset()} data-testid="train.reset" title="Back to the formula's values, and a new run">Reset</button>
      </div>
    </div>
  );
}
