import { createStore, type StoreApi } from 'zustand/vanilla';
import { findDeclaration, normalizeLineBreaks, type SourceError } from '../core/index.ts';
import { carryStep } from './carry-step.ts';
import { createDeckSlice, type DeckSlice } from './deck-slice.ts';
import { findScalarInput, NO_PENDING, sourceWithValues, withInput, type PendingValues } from './input-values.ts';
import { createCompileWorker } from './compile-worker.ts';
import { buildModel, buildSteps, present, unpackedSteps, type BuildResult, type Model } from './model.ts';
import { createQuizSlice, type QuizSlice } from './quiz-slice.ts';
import { runInSlices } from './run-in-slices.ts';
import { createTrainSlice, type TrainSlice } from './train-slice.ts';

export type Theme = 'light' | 'dark' | 'projector';
/** Panels an embed shows beside the circuit; the full app always shows them all. */
export interface Panels {
  readonly editor: boolean;
  readonly inputs: boolean;
  readonly explain: boolean;
}
/** How the circuit is shown: drawn, or as a table of its wires (for a screen reader, or a circuit too big to draw). */
export type Display = 'circuit' | 'table';
export type StepTarget = number | 'start' | 'end' | 'next' | 'prev';
export interface BuildProgress {
  readonly phase: 'compiling' | 'preparing';
  /** The share done, 0 to 1, when it is known. */
  readonly done?: number;
}

/**
 * A source this long takes a compile the page would feel (about 0.1 s at 100,000 characters, seconds at 1,000,000),
 * and from about 20,000 characters (a few thousand gates) a compile, a layout and a drawing that together held the
 * page for 0.3-0.7 s in one task. Typed, pasted, linked or loaded by a host page, it is compiled in a Web Worker (once
 * the typing pauses), while the page shows the edit and a note with the build's progress; the circuit comes back as
 * typed arrays and is unpacked and prepared a slice per task. Where no worker can start (Node, the dev server's
 * sandboxed embed) it is compiled on the page, and only prepared in slices.
 * A newer edit cancels the build at any point: the worker is stopped, the slices not yet run never run.
 */
export const DEFERRED_BUILD_CHARS = 20_000;
export const DEFERRED_BUILD_PAUSE_MS = 200;
export type BuildWhen = 'now' | 'soon' | 'background';

interface CircuitSlice {
  /** What the user typed, always kept, valid or not. */
  source: string;
  expandSigmoid: boolean;
  /** Show a tensor circuit as the scalar circuit it stands for. */
  asScalars: boolean;
  /** The last circuit that compiled: it stays on screen while the source has an error. */
  model: Model | null;
  error: SourceError | null;
  /** Bumped whenever a new model is published (never mutated in place): a cheap key for memoised views. */
  revision: number;
  /** Values changed by a drag or a typed number, shown at once, written into the source when the edit is committed. */
  pending: PendingValues;
  /**
   * The error, or null. A long source (see DEFERRED_BUILD_CHARS) may be built in the background, and then this answers
   * null at once with `building` set: `'soon'` (the editor) once the typing pauses, `'background'` (a host page's load)
   * straight away.
   */
  setSource(source: string, step?: StepTarget, when?: BuildWhen): SourceError | null;
  /** A source is waiting to be compiled (see DEFERRED_BUILD_CHARS): model and error are still the previous source's. */
  building: boolean;
  /** How far that build is: compiling (and the share of the source read, once known), then preparing what is shown. */
  buildProgress: BuildProgress | null;
  /** Shows an input at a new value (a slider tick): recomputes a fork of the engine; the source is left alone. */
  previewInput(name: string, value: number): boolean;
  /** Writes the pending values into the source, once (slider released, field left). */
  commitInputs(): void;
  /** Both at once, for a value typed and entered or sent by a host page. */
  setInputValue(name: string, value: number): boolean;
  setExpandSigmoid(expand: boolean): void;
  setAsScalars(asScalars: boolean): void;
}

interface StepperSlice {
  step: number;
  playing: boolean;
  /** Steps per second while playing. */
  speed: number;
  goTo(target: StepTarget): void;
  setPlaying(playing: boolean): void;
  setSpeed(speed: number): void;
}

interface ViewSlice {
  theme: Theme;
  showGradCheck: boolean;
  /** Inside a course page's iframe: the circuit and the step controls, plus the panels asked for. Fixed at load. */
  embed: boolean;
  panels: Panels;
  display: Display;
  setTheme(theme: Theme): void;
  setDisplay(display: Display): void;
  setShowGradCheck(show: boolean): void;
}

export type AppState = CircuitSlice & StepperSlice & ViewSlice & DeckSlice & QuizSlice & TrainSlice;
export type AppStore = StoreApi<AppState>;

export const SPEEDS = [0.5, 1, 2, 4, 8] as const;

export function resolveStep(model: Model | null, current: number, target: StepTarget): number {
  if (!model) return 0;
  const s = model.schedule;
  switch (target) {
    case 'start': return 0;
    case 'end': return s.last;
    case 'next': return s.clamp(current + 1);
    case 'prev': return s.clamp(current - 1);
    default: return s.clamp(target);
  }
}

export interface InitialState {
  source: string;
  step?: StepTarget;
  expandSigmoid?: boolean;
  asScalars?: boolean;
  theme?: Theme;
  showGradCheck?: boolean;
  embed?: boolean;
  panels?: Panels;
  display?: Display;
  /** Predict and reveal: each step's number is a `?` until answered. */
  quiz?: boolean;
}

const NO_PANELS: Panels = { editor: false, inputs: false, explain: false };

export function createAppStore(initial: InitialState): AppStore {
  return createStore<AppState>()((set, get) => {
    // Bumped by every edit: a deferred build that finds it changed has been overtaken by a newer edit.
    let generation = 0;
    let deferred: ReturnType<typeof setTimeout> | undefined;
    const compiler = createCompileWorker();
    let cancelCompile = () => {};
    const rebuild = (source: string, expandSigmoid: boolean, step: StepTarget | undefined, when: BuildWhen = 'now'): SourceError | null => {
      const mine = ++generation;
      clearTimeout(deferred);
      cancelCompile();
      if (when !== 'now' && source.length >= DEFERRED_BUILD_CHARS) {
        set({ source, expandSigmoid, building: true, buildProgress: { phase: 'compiling' }, playing: false, pending: NO_PENDING });
        deferred = setTimeout(() => buildInBackground(source, expandSigmoid, step, mine), when === 'soon' ? DEFERRED_BUILD_PAUSE_MS : 0);
        return null;
      }
      return publish(source, expandSigmoid, step);
    };
    const buildInBackground = (source: string, expandSigmoid: boolean, step: StepTarget | undefined, mine: number) => {
      const current = () => mine === generation;
      const options = () => ({ expandSigmoid, asScalars: get().asScalars });
      // Marks in the page's timeline (a profile, the e2e's task watch): where a background build starts and ends.
      performance.mark('circuit.build.start');
      const finish = (built: BuildResult) => {
        performance.mark('circuit.build.end');
        show(source, expandSigmoid, step, built);
      };
      // Told only when the shown number changes: a status re-rendered at every slice would be noise.
      const progress = (phase: BuildProgress['phase'], share?: number) => {
        const done = share === undefined ? undefined : Math.floor(share * 10) / 10;
        const shown = get().buildProgress;
        if (current() && (shown?.phase !== phase || shown.done !== done)) set({ buildProgress: done === undefined ? { phase } : { phase, done } });
      };
      cancelCompile = compiler.compile(source, {
        progress: (read) => progress('compiling', read),
        done: (packed) => {
          progress('preparing');
          runInSlices(unpackedSteps(packed, source, options), current, finish, (share) => typeof share === 'number' && progress('preparing', share));
        },
        // On the page, the compile is one task; the note and the edit are on screen a frame before it holds the page.
        unavailable: () => {
          const start = () => runInSlices(buildSteps(source, options()), current, finish, () => progress('preparing'));
          if (typeof requestAnimationFrame === 'function') requestAnimationFrame(start);
          else start();
        },
      });
    };
    const publish = (source: string, expandSigmoid: boolean, step: StepTarget | undefined): SourceError | null =>
      show(source, expandSigmoid, step, buildModel(source, { expandSigmoid, asScalars: get().asScalars }));
    const show = (source: string, expandSigmoid: boolean, step: StepTarget | undefined, built: BuildResult): SourceError | null => {
      const { model: old, step: oldStep, revision } = get();
      if (!built.ok) {
        set({ source, expandSigmoid, error: built.error, building: false, buildProgress: null, playing: false, pending: NO_PENDING });
        return built.error;
      }
      const model = built.model;
      const carried = step !== undefined ? resolveStep(model, 0, step) : old ? carryStep(old, oldStep, model) : 0;
      set({ source, expandSigmoid, model, error: null, building: false, buildProgress: null, step: carried, revision: revision + 1, pending: NO_PENDING });
      return null;
    };

    /** Another view of the circuit already compiled: a transform, with the values and the step carried over. */
    const reshow = (change: Partial<Pick<AppState, 'expandSigmoid' | 'asScalars'>>) => {
      const { model: old, step, expandSigmoid, asScalars, revision } = get();
      const options = { expandSigmoid, asScalars, ...change };
      if (!old) return set(options);
      const model = present(old.source, old.compiled, options, old);
      set({ ...options, model, step: carryStep(old, step, model), revision: revision + 1 });
    };

    const state: AppState = {
      source: initial.source,
      expandSigmoid: initial.expandSigmoid ?? false,
      asScalars: initial.asScalars ?? false,
      model: null,
      error: null,
      building: false,
      buildProgress: null,
      revision: 0,
      pending: NO_PENDING,
      step: 0,
      playing: false,
      speed: 2,
      theme: initial.theme ?? 'light',
      showGradCheck: initial.showGradCheck ?? false,
      embed: initial.embed ?? false,
      panels: initial.panels ?? NO_PANELS,
      display: initial.display ?? 'circuit',

      setSource: (source, step, when) => rebuild(normalizeLineBreaks(source), get().expandSigmoid, step, when),
      previewInput: (name, value) => {
        const { model, error, pending, revision, building } = get();
        const input = model ? findScalarInput(model, name) : undefined;
        if (!model || !input || !Number.isFinite(value) || error || building) return false;
        set({ model: withInput(model, input.shown, value), pending: { ...pending, [name]: value }, revision: revision + 1 });
        return true;
      },
      commitInputs: () => {
        const { model, source, pending } = get();
        if (!model || Object.keys(pending).length === 0) return;
        const next = sourceWithValues(source, model, pending);
        // An input that was only used gets a declaration: a new statement, so the circuit is compiled once more.
        if (Object.keys(pending).some((name) => !findDeclaration(source, name))) {
          rebuild(next, get().expandSigmoid, undefined);
          return;
        }
        set({ source: next, model: { ...model, source: next }, pending: NO_PENDING });
      },
      setInputValue: (name, value) => {
        if (!get().previewInput(name, value)) return false;
        get().commitInputs();
        return true;
      },
      setExpandSigmoid: (expandSigmoid) => reshow({ expandSigmoid }),
      setAsScalars: (asScalars) => reshow({ asScalars }),

      goTo: (target) => {
        const { model, step } = get();
        const next = resolveStep(model, step, target);
        const atEnd = !model || next >= model.schedule.last;
        set({ step: next, playing: get().playing && !atEnd });
      },
      setPlaying: (playing) => {
        const { model, step } = get();
        if (playing && model && step >= model.schedule.last) set({ step: 0 });
        set({ playing: playing && !!model });
      },
      setSpeed: (speed) => set({ speed }),
      setTheme: (theme) => set({ theme }),
      setDisplay: (display) => set({ display }),
      setShowGradCheck: (showGradCheck) => set({ showGradCheck }),
      ...createDeckSlice(set, get),
      ...createQuizSlice(set, get, initial.quiz ?? false),
      ...createTrainSlice(set, get),
    };
    return state;
  });
}

/** The source a link should carry: the committed text with any value still being dragged written in. */
export function currentSource(state: Pick<AppState, 'source' | 'model' | 'pending'>): string {
  return state.model && Object.keys(state.pending).length ? sourceWithValues(state.source, state.model, state.pending) : state.source;
}

/** Builds the first circuit once the store exists (the actions need `get`); a long one (a link's) in the background. */
export function initAppStore(initial: InitialState): AppStore {
  const store = createAppStore(initial);
  store.getState().setSource(initial.source, initial.step ?? 0, 'background');
  return store;
}
