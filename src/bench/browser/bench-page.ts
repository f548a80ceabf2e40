import { snapshotAt, wireName } from '../../core/index.ts';
import { CircuitView } from '../../render/circuit-view.ts';
import { wireLabels } from '../../render/labels.ts';
import { buildScene } from '../../render/scene.ts';
import { buildModel, type Model } from '../../state/model.ts';
import { initAppStore } from '../../state/store.ts';
import { mixedCircuitSource } from '../circuit-source.ts';

/** Resolves after the browser has painted the frame that follows the current work. */
const painted = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

function mustBuild(source: string): Model {
  const built = buildModel(source, {});
  if (!built.ok) throw new Error(built.error.message);
  return built.model;
}

export interface BrowserFigures {
  gates: number; nodes: number; compileMs: number; layoutMs: number; crossings: number;
  formulaToDrawnMs: number; stepMs: number; stepFrameMs: number; valueChangeMs: number; panFrameMs: number;
}

async function measure(gates: number): Promise<BrowserFigures> {
  const svg = document.getElementById('circuit') as unknown as SVGSVGElement;
  const source = mixedCircuitSource(gates);
  const t0 = performance.now();
  const model = mustBuild(source);
  const t1 = performance.now();
  const scene = buildScene(model.circuit);
  const t2 = performance.now();
  const view = new CircuitView(svg);
  const names = model.circuit.nodes.map(wireName);
  const s0 = performance.now();
  view.setScene(scene);
  const s1 = performance.now();
  view.fit(false);
  const show = (m: Model, step: number) => {
    const { phase, node } = m.schedule.step(step);
    view.update(wireLabels(m.tape, snapshotAt(m.tape, m.schedule, step), names), { phase, node });
  };
  const s2 = performance.now();
  show(model, 0);
  const s3 = performance.now();
  await painted();
  const t3 = performance.now();
  console.log(`breakdown n=${gates}: setScene ${(s1 - s0).toFixed(1)} fit ${(s2 - s1).toFixed(1)} update ${(s3 - s2).toFixed(1)} paint ${(t3 - s3).toFixed(1)}`);

  // One step, in the middle of the backward pass where labels change on several wires.
  const stepTimes: number[] = [];
  const frameTimes: number[] = [];
  const from = model.schedule.seedStep + Math.floor(model.schedule.backwardCount / 2);
  show(model, from);
  await painted();
  for (let k = 0; k < 15; k++) {
    const a = performance.now();
    show(model, from + k + 1);
    stepTimes.push(performance.now() - a);
    await painted();
    frameTimes.push(performance.now() - a);
  }

  // One input value change at the end of the backward pass (every label shown), through the app's own store.
  const store = initAppStore({ source, step: 'end' });
  const name = model.circuit.nodes[model.circuit.inputs[0] as number]?.names[0] as string;
  show(store.getState().model as Model, model.schedule.last);
  await painted();
  const changes: number[] = [];
  for (let k = 0; k < 7; k++) {
    const a = performance.now();
    store.getState().setInputValue(name, 0.1 * (k + 1));
    const next = store.getState().model as Model;
    if (next.shape !== model.shape) throw new Error('a value change must keep the shape');
    show(next, store.getState().step);
    await painted();
    changes.push(performance.now() - a);
  }

  // Panning: frame intervals while the view moves every frame.
  const frames: number[] = [];
  let last = performance.now();
  for (let k = 0; k < 40; k++) {
    view.panBy(3, 1);
    await new Promise<void>((r) => requestAnimationFrame(() => r()));
    const now = performance.now();
    frames.push(now - last);
    last = now;
  }
  view.destroy();
  return {
    gates, nodes: model.circuit.nodes.length, compileMs: t1 - t0, layoutMs: t2 - t1, crossings: scene.crossings,
    formulaToDrawnMs: t3 - t0, stepMs: median(stepTimes), stepFrameMs: median(frameTimes), valueChangeMs: median(changes),
    panFrameMs: median(frames),
  };
}

/** A user's edit runs warm code: measure after one untimed pass, as a page that has already drawn a circuit would. */
async function measureWarm(gates: number): Promise<BrowserFigures> {
  await measure(Math.min(gates, 300));
  return measure(gates);
}

declare global {
  interface Window { runBench(gates: number): Promise<BrowserFigures> }
}
window.runBench = measureWarm;
