import { useEffect, useState } from 'react';
import { circuitOverview, wireName } from '../core/index.ts';
import { MAX_DRAWN_GATES, VIRTUAL_SCENE } from '../render/constants.ts';
import { buildScene, sceneSteps, type Scene } from '../render/scene.ts';
import type { Model } from '../state/model.ts';
import { runInSlices } from '../state/run-in-slices.ts';

export interface Drawing { readonly scene: Scene | null; readonly names: readonly string[] }

/** The last layout, kept by the circuit's shape: a value edit or a recompile of the same circuit reuses it. */
let last: { shape: string; scene: Scene; names: string[] } | null = null;
const NO_DRAWING: Drawing = { scene: null, names: [] };

export const tooBigToDraw = (model: Model | null): boolean => !!model && circuitOverview(model.circuit).gates > MAX_DRAWN_GATES;

const remember = (model: Model, scene: Scene) => (last = { shape: model.shape, scene, names: model.circuit.nodes.map(wireName) });

/** The circuit's layout, laid out now if it is not the last one (nothing for a circuit too big to draw). */
export function drawingFor(model: Model | null): Drawing {
  if (!model || tooBigToDraw(model)) return NO_DRAWING;
  return last?.shape === model.shape ? last : remember(model, buildScene(model.circuit));
}

const laidOut = (model: Model) => last?.shape === model.shape || model.circuit.nodes.length < VIRTUAL_SCENE;

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
    let live = true;
    runInSlices(sceneSteps(model.circuit), () => live, (scene) => {
      remember(model, scene);
      laid((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [ready, model]);
  return ready ? drawingFor(model) : NO_DRAWING;
}
