import { useEffect } from 'react';
import { pendingQuestion } from '../state/quiz-selectors.ts';
import { useApp } from './store-context.ts';
import { JacobianLens } from './JacobianLens.tsx';
import { tensorDialog, useTensorDialog } from './tensor-dialog.ts';
import { TensorInspector } from './TensorInspector.tsx';

/** The open inspector or Jacobian lens, if any; it follows the step and value edits, and closes when its node is gone. */
export function TensorDialogs() {
  const open = useTensorDialog();
  const model = useApp((s) => s.model);
  const step = useApp((s) => s.step);
  useApp((s) => s.revision);
  // The inspector and the lens show shapes, Jacobian sizes and gradients: they wait while the quiz asks for one.
  const asking = useApp((s) => pendingQuestion(s) !== null);
  const index = open && model ? model.circuit.indexById.get(open.id) : undefined;
  const gone = open !== null && model !== null && index === undefined;
  useEffect(() => {
    if (gone) tensorDialog.getState().close();
  }, [gone]);
  if (!open || !model || index === undefined || asking) return null;
  const { show, close } = tensorDialog.getState();
  const id = (i: number) => model.circuit.nodes[i]?.id ?? '';
  return open.kind === 'inspector' ? (
    <TensorInspector key={`i:${open.id}`} model={model} step={step} index={index} onClose={close} onLens={(g) => show('lens', id(g))} />
  ) : (
    <JacobianLens key={`j:${open.id}`} model={model} step={step} gate={index} onClose={close} onInspect={(n) => show('inspector', id(n))} />
  );
}
