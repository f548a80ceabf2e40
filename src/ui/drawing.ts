import { useEffect, useState } from 'react';
import { circuitOverview, wireName } from '../core/index.ts';
import { MAX_DRAWN_GATES, VIRTUAL_SCENE } from '../render/constants.ts';
import { buildScene, sceneSteps, type Scene } from '../render/scene.ts';
import type { Model } from '../state/model.ts';
import { runInSlices } from '../state/run-in-slices.ts';

export interface Drawing { readonly scene: Scene | null; readonly names: readonly string[] }

/**
 * The last layout, kept by the circuit's shape: a value edit or a recompile of the same circuit reuses it, and the
 * embed's content size (src/embed/content-size.ts) reads the same one the drawing draws.
 */
let last: { shape: string; scene: Scene; names: string[] } | null = null;
/** The layout being made a slice per task, for whoever asked first; a layout of another circuit stops it. */
let pending: { shape: string; live: boolean } | null = null;
const laidOutListeners = new Set<() => void>();
const NO_DRAWING: Drawing = { scene: null, names: [] };

export const tooBigToDraw = (model: Model | null): boolean => !!model && circuitOverview(model.circuit).gates > MAX_DRAWN_GATES;

const remember = (model: Model, scene: Scene) => {
  if (pending && pending.shape !== model.shape) pending.live = false;
  last = { shape: model.shape, scene, names: model.circuit.nodes.map(wireName) };
  return last;
};

/** The circuit's layout, laid out now if it is not the last one (nothing for a circuit too big to draw). */
export function drawingFor(model: Model | null): Drawing {
  if (!model || tooBigToDraw(model)) return NO_DRAWING;
  return last?.shape === model.shape ? last : remember(model, buildScene(model.circuit));
}

const laidOut = (model: Model) => last?.shape === model.shape || model.circuit.nodes.length < VIRTUAL_SCENE;

/** Lays a large circuit out a slice per task, once however many ask for it; `onLaidOut` tells when it is done. */
function layOutSoon(model: Model): void {
  if (pending?.shape === model.shape && pending.live) return;
  if (pending) pending.live = false;
  const mine = { shape: model.shape, live: true };
  pending = mine;
  runInSlices(sceneSteps(model.circuit), () => mine.live, (scene) => {
    pending = null;
    remember(model, scene);
    for (const listener of laidOutListeners) listener();
  });
}

/** Calls `listener` each time a large circuit has been laid out in slices; returns a function that stops it. */
export function onLaidOut(listener: () => void): () => void {
  laidOutListeners.add(listener);
  return () => laidOutListeners.delete(listener);
}

/**
 * The layout, at once if it is small or laid out already; else `null`, and it is laid out in slices (`onLaidOut`).
 * `'none'` for no circuit or one too big to draw (an overview is shown instead).
 */
export function sceneSoon(model: Model | null): Scene | 'none' | null {
  if (!model || tooBigToDraw(model)) return 'none';
  if (laidOut(model)) return drawingFor(model).scene;
  layOutSoon(model);
  return null;
}

/**
 * The layout to draw: at once for a small circuit or one laid out already; a large one (a tenth of a second to
 * seconds at 5,000 gates) is laid out a slice per task after the new circuit's panels are shown, so that the page
 * answers input meanwhile. Until then the drawing is null and the view keeps what it shows.
 */
export function useDrawing(model: Model | null): Drawing {
  const [, laid] = useState(0);
  const ready = !model || tooBigToDraw(model) || laidOut(model);
  useEffect(() => {
    if (ready || !model) return;
    const stop = onLaidOut(() => laid((n) => n + 1));
    layOutSoon(model);
    return stop;
  }, [ready, model]);
  return ready ? drawingFor(model) : NO_DRAWING;
}
