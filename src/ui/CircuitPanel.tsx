import { useEffect, useRef, useState } from 'react';
import { snapshotAt } from '../core/index.ts';
import { CircuitView } from '../render/circuit-view.ts';
import { EMBED_FOLLOW_BELOW_SCALE, FOLLOW_BELOW_SCALE, LARGE_SCENE } from '../render/constants.ts';
import { presentFraming } from '../render/present-framing.ts';
import { nodeName } from '../render/accessible-names.ts';
import { wireLabels } from '../render/labels.ts';
import type { Model } from '../state/model.ts';
import { hiddenLabels } from '../state/quiz-selectors.ts';
import { useApp, useAppStore } from './store-context.ts';
import { CircuitOverview } from './CircuitOverview.tsx';
import { drawingFor, tooBigToDraw, useDrawing } from './drawing.ts';
import { tensorDialog } from './tensor-dialog.ts';
import { StepAnnouncer } from './StepAnnouncer.tsx';
import { TensorDialogs } from './TensorDialogs.tsx';

/**
 * The step that computes a gate: its forward step, or once the backward pass has begun, the step that passes its
 * gradient back (its forward step for a gate that reaches no output).
 */
function stepComputing(model: Model, current: number, node: number): number {
  const backward = model.schedule.stepOf('backward', node);
  return current >= model.schedule.seedStep && backward >= 0 ? backward : model.schedule.stepOf('forward', node);
}

/** The step at which a wire's gradient is complete: the seed for the output, else its last branch's backward step. */
function gradientStep(model: Model, node: number): number {
  const { schedule, circuit } = model;
  if (node === circuit.output) return schedule.seedStep;
  let step = -1;
  for (const c of circuit.consumers[node] ?? []) step = Math.max(step, schedule.backwardStep[c] ?? -1);
  return step >= 0 ? step : schedule.last;
}

/** Keeps the current view reachable for keyboard shortcuts and the embed API. */
export const viewRef: { current: CircuitView | null } = { current: null };

export function CircuitPanel({ present = false }: { present?: boolean }) {
  const store = useAppStore();
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  const revision = useApp((s) => s.revision);
  // With the quiz on, the number the step asks for is drawn as `?` until answered.
  const hidden = useApp((s) => (s.quiz ? s.quizAnswers : null));
  const svg = useRef<SVGSVGElement>(null);
  const view = useRef<CircuitView | null>(null);
  const shownShape = useRef<string | null>(null);
  const [following, setFollowing] = useState(false);
  const [labelsHidden, setLabelsHidden] = useState(false);
  const error = useApp((s) => s.error);
  const overview = tooBigToDraw(model);
  const building = useApp((s) => (s.building ? s.source.length : 0));
  const buildProgress = useApp((s) => s.buildProgress);

  useEffect(() => {
    if (!svg.current) return;
    const v = new CircuitView(svg.current, {
      onGateClick: (i) => {
        const { model: m, expandSigmoid, setExpandSigmoid } = store.getState();
        const node = m?.circuit.nodes[i];
        if (node?.op === 'sigmoid' || node?.composite === 'sigmoid') setExpandSigmoid(!expandSigmoid);
        // Any other gate that reads or makes a tensor opens its Jacobian lens.
        else if (node?.kind === 'gate' && m?.circuit.tensor && [i, ...node.args].some((a) => (m.circuit.nodes[a]?.shape.length ?? 0) > 0)) {
          tensorDialog.getState().show('lens', node.id);
        } else if (m && node?.kind === 'gate') store.getState().goTo(stepComputing(m, store.getState().step, i));
      },
      onWireClick: (i) => {
        const node = store.getState().model?.circuit.nodes[i];
        if (node) tensorDialog.getState().show('inspector', node.id);
      },
      // Enter on an input or a constant: a tensor's inspector, else the step at which its gradient is complete.
      onTerminalEnter: (i) => {
        const m = store.getState().model;
        const node = m?.circuit.nodes[i];
        if (!m || !node) return;
        if (node.shape.length) tensorDialog.getState().show('inspector', node.id);
        else store.getState().goTo(gradientStep(m, i));
      },
      onLabelClick: (i, kind) => {
        const m = store.getState().model;
        if (m) store.getState().goTo(kind === 'value' ? m.schedule.valueStep[i] ?? 0 : gradientStep(m, i));
      },
      onFollowChange: setFollowing,
      onLabelsHidden: setLabelsHidden,
    }, { followBelow: store.getState().embed ? EMBED_FOLLOW_BELOW_SCALE : FOLLOW_BELOW_SCALE });
    view.current = v;
    viewRef.current = v;
    return () => {
      v.destroy();
      view.current = null;
      viewRef.current = null;
      shownShape.current = null;
    };
  }, [store]);

  // Laid out again only when the circuit's shape changes; a value edit keeps the drawing and rewrites labels.
  const { scene, names } = useDrawing(model);

  // The presentation view frames every circuit at a scale read from the back row; leaving it frames as before.
  useEffect(() => {
    const v = view.current;
    if (!v || !present) return;
    v.setFraming(presentFraming(drawingFor(store.getState().model).scene));
    return () => {
      if (view.current === v) v.setFraming(store.getState().embed ? { followBelow: EMBED_FOLLOW_BELOW_SCALE } : {});
    };
  }, [present, store]);

  useEffect(() => {
    if (!view.current || !scene || !model) return;
    const changed = shownShape.current !== model.shape;
    if (changed) {
      view.current.setScene(scene);
      if (present) view.current.setFraming(presentFraming(scene));
      // A large new circuit is framed at once: animating towards it would restyle all of it once more at the end.
      else view.current.fit(shownShape.current !== null && scene.nodes.length < LARGE_SCENE);
      shownShape.current = model.shape;
    }
    const snapshot = snapshotAt(model.tape, model.schedule, step);
    const { phase, node } = model.schedule.step(step);
    const labels = wireLabels(model.tape, snapshot, names, hiddenLabels(store.getState()));
    view.current.update(labels, { phase, node }, (i) => nodeName(model.circuit, i, labels, names));
  }, [scene, model, step, revision, names, present, hidden, store]);

  return (
    <section className={`panel circuit${error && model ? ' stale' : ''}`} aria-label="Circuit" data-stale={error && model ? '1' : undefined}>
      {building > 0 && (
        <p className="building-note" role="status" data-testid="circuit.building">
          <span className="building-spinner" aria-hidden="true" />
          <span>
            Building the circuit of {building.toLocaleString('en-US')} characters: {buildProgress?.phase === 'preparing' ? 'preparing' : 'compiling'}…
            {/* The share moves often; a screen reader hears the phase change, not every number. */}
            {!!buildProgress?.done && <span aria-hidden="true" data-testid="circuit.building.done"> {Math.round(buildProgress.done * 100)}&nbsp;%</span>}
          </span>
        </p>
      )}
      {error && !model && (
        <p className="stale-note" role="status" data-testid="circuit.none">
          No circuit yet: the formula has an error at line {error.line}, column {error.column}.
        </p>
      )}
      {error && model && (
        <p className="stale-note" role="status" data-testid="circuit.stale">
          Showing the last formula that worked: fix line {error.line}, column {error.column} of the formula to update it.
        </p>
      )}
      {overview && model && (
        <div className="circuit-too-big">
          <CircuitOverview model={model} />
        </div>
      )}
      <div className="circuit-surface" hidden={overview}>
        <svg
          ref={svg}
          className="circuit-svg"
          role="application"
          aria-roledescription="circuit"
          aria-label={`${model ? `Circuit computing ${model.circuit.outputName}` : 'Circuit'}: arrow keys move between its gates, Enter goes to a gate's step`}
          data-testid="circuit.svg"
        />
      </div>
      <div className="zoom-controls" role="group" aria-label="Zoom" hidden={overview}>
        <button type="button" onClick={() => view.current?.zoomBy(1.25)} aria-label="Zoom in (+)" title="Zoom in (+)" data-testid="zoom.in">+</button>
        <button type="button" onClick={() => view.current?.zoomBy(0.8)} aria-label="Zoom out (−)" title="Zoom out (−)" data-testid="zoom.out">−</button>
        <button type="button" onClick={() => view.current?.fit(true, 'whole')} aria-label="Fit the whole circuit in view (0)" title="Fit the whole circuit (0)" data-testid="zoom.fit">Fit</button>
        <button
          type="button" aria-pressed={following} data-testid="zoom.follow"
          title="Follow the current gate at a readable size (on when the whole circuit is too small to read)"
          onClick={() => view.current?.setFollow(!following)}
        >Follow</button>
      </div>
      {(labelsHidden || following) && (
        <button type="button" className="zoom-hint" data-testid="zoom.hint" onClick={() => view.current?.setFollow(!following)}
          title={following ? 'Show the whole circuit' : 'Only the current gate’s numbers are readable at this size: follow it, larger, from step to step'}>
          {following ? 'Show all' : 'Zoom to read'}
        </button>
      )}
      <div className="legend" aria-hidden="true" hidden={overview}>
        {labelsHidden && <span className="legend-hidden" data-testid="legend.hidden">Zoomed out: only the current gate’s numbers show. Zoom in (+) or press Follow to read them all.</span>}
        <span className="legend-value">value (above the wire)</span>
        <span className="legend-grad">∂ gradient (below the wire)</span>
        {model?.circuit.tensor && <span className="legend-tensor">heavy wire: a vector or matrix (click it, or press i; j for a gate’s Jacobian)</span>}
      </div>
      <StepAnnouncer />
      <TensorDialogs />
    </section>
  );
}
