import type { SourceError } from '../core/index.ts';
import { MAX_RUN_ITERATIONS } from '../core/training/index.ts';
import type { Model } from './model.ts';
import { NO_PENDING, type PendingValues } from './input-values.ts';
import { formulaTape, inputRoles, liveSession, startSession, type TrainingSession } from './training-session.ts';
import { writtenSource } from './write-trained.ts';

export interface TrainSlice {
  learningRate: number;
  /** The N of "Run N". */
  runLength: number;
  /** Inputs switched from their default role by the user, by name: true trains it, false keeps it fixed. */
  trainToggles: Readonly<Record<string, boolean>>;
  training: TrainingSession | null;
  /** Training continues slice by slice until `trainTarget` (Run N), the run's limit (Play) or a non-finite loss. */
  trainPlaying: boolean;
  trainTarget: number;
  setLearningRate(lr: number): void;
  setRunLength(n: number): void;
  setTrainParameter(name: string, parameter: boolean): void;
  /** `n` updates at once, published once: the Step button. */
  trainSteps(n: number): void;
  /** Runs `runLength` more updates, time-sliced by the caller through `trainFrame`. */
  trainRun(): void;
  setTrainPlaying(playing: boolean): void;
  /** A slice of a run between frames: trains for about `budgetMs` without publishing; false when the run is done. */
  trainWork(budgetMs: number): boolean;
  /** Once per frame while a run plays: publishes the head if it moved; false once the run has stopped. */
  trainPublish(): boolean;
  /** A new run from the formula's own values. */
  trainReset(): void;
  /** Shows the circuit at a recorded iteration: parameters, values and gradients. */
  trainShow(iteration: number): void;
  /** Writes the values shown into the formula (compiled once more); an error message when they cannot be. */
  writeTrainedValues(): string | null;
}

interface Host extends TrainSlice {
  model: Model | null;
  error: SourceError | null;
  step: number;
  source: string;
  revision: number;
  pending: PendingValues;
  playing: boolean;
  setSource(source: string): unknown;
  goTo(target: 'end'): void;
}

/** What the slice writes: its own fields, and the published model as a value edit writes it. */
type Set = (partial: Partial<TrainSlice & Pick<Host, 'model' | 'revision' | 'pending' | 'playing'>>) => void;

export function createTrainSlice(set: Set, get: () => Host): TrainSlice {
  const session = (): TrainingSession | null => {
    const { model, training } = get();
    return liveSession(model, training) ?? (model ? startSession(model) : null);
  };
  /** Publishes iteration `shown` as the model every view reads: a fresh engine, as a value edit does. */
  const publish = (s: TrainingSession, shown: number, extra: Parameters<Set>[0] = {}) => {
    const { model, revision } = get();
    if (!model) return;
    const tape = s.run.engineAt(shown);
    const last = s.run.last;
    const training = { ...s, tape, shown, last, divergedAt: s.run.divergedAt };
    set({ model: { ...model, tape }, revision: revision + 1, training, ...extra });
  };
  const params = () => {
    const { model, trainToggles } = get();
    return model ? inputRoles(model, trainToggles).filter((r) => r.parameter).map((r) => r.node) : [];
  };
  /** Trains up to `n` updates from the head; stops early at a non-finite loss. Returns the updates made. */
  const advance = (s: TrainingSession, n: number): number => {
    const before = s.run.last;
    if (s.run.divergedAt < 0) s.run.advance(n, get().learningRate, params());
    return s.run.last - before;
  };
  /** Training replaces what the circuit shows, so stepping through the passes stops and the whole pass is shown. */
  const stopStepping = () => {
    if (get().playing) set({ playing: false });
  };
  const toEnd = () => {
    const { model, step } = get();
    if (model && step !== model.schedule.last) get().goTo('end');
  };

  return {
    learningRate: 1,
    runLength: 1000,
    trainToggles: {},
    training: null,
    trainPlaying: false,
    trainTarget: 0,
    setLearningRate: (learningRate) => set({ learningRate }),
    setRunLength: (runLength) => set({ runLength }),
    setTrainParameter: (name, parameter) => set({ trainToggles: { ...get().trainToggles, [name]: parameter } }),
    trainSteps: (n) => {
      const s = session();
      if (!s) return;
      stopStepping();
      advance(s, n);
      publish(s, s.run.last, { trainPlaying: false });
      toEnd();
    },
    trainRun: () => {
      const s = session();
      if (!s) return;
      set({ training: s, trainTarget: Math.min(MAX_RUN_ITERATIONS, s.run.last + get().runLength), trainPlaying: true });
    },
    setTrainPlaying: (playing) => {
      const s = playing ? session() : get().training;
      set({ training: s, trainPlaying: playing && !!s, trainTarget: MAX_RUN_ITERATIONS });
    },
    trainWork: (budgetMs) => {
      const { model, training, trainTarget, trainPlaying } = get();
      const s = liveSession(model, training);
      if (!s || !trainPlaying) return false;
      const { run } = s;
      const start = performance.now();
      let chunk = 1;
      while (run.last < trainTarget && run.divergedAt < 0 && performance.now() - start < budgetMs) {
        const t = performance.now();
        const made = advance(s, Math.min(chunk, trainTarget - run.last));
        if (made === 0) break;
        // Chunks of about a millisecond: the clock is read rarely, and a slice overruns its budget by at most that.
        const perUpdate = (performance.now() - t) / made;
        chunk = Math.max(1, Math.min(chunk * 4, Math.floor(1 / Math.max(perUpdate, 1e-4))));
      }
      return run.last < trainTarget && run.divergedAt < 0;
    },
    trainPublish: () => {
      const { model, training, trainTarget, trainPlaying } = get();
      const s = liveSession(model, training);
      if (!s || !trainPlaying) {
        if (trainPlaying) set({ trainPlaying: false });
        return false;
      }
      const more = s.run.last < trainTarget && s.run.divergedAt < 0;
      stopStepping();
      if (s.run.last !== s.last || !more) publish(s, s.run.last, { trainPlaying: more });
      toEnd();
      return more;
    },
    trainReset: () => {
      const { model, revision } = get();
      if (!model) return;
      const reset = { ...model, tape: formulaTape(model) };
      set({ model: reset, revision: revision + 1, pending: NO_PENDING, trainPlaying: false, training: startSession(reset) });
    },
    trainShow: (iteration) => {
      const s = liveSession(get().model, get().training);
      if (!s) return;
      publish(s, Math.max(0, Math.min(s.run.last, Math.round(iteration))), { trainPlaying: false });
    },
    writeTrainedValues: () => {
      const { model, error, source } = get();
      if (!model || error || source !== model.source) return 'Fix the formula first: the values are written into the formula that compiled.';
      const written = writtenSource(model);
      if (!written.ok) return written.message;
      set({ trainPlaying: false });
      get().setSource(written.source);
      return null;
    },
  };
}
