import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { AppStore } from '../state/store.ts';

/** Which tensor dialog is open: the inspector of a wire or the Jacobian lens of a gate, by node id. */
export type TensorDialog = { readonly kind: 'inspector' | 'lens'; readonly id: string } | null;

interface TensorDialogState {
  open: TensorDialog;
  show(kind: 'inspector' | 'lens', id: string): void;
  close(): void;
}

/** A view-only slice of its own: the app's store (and its links and embed API) need not know about it. */
export const tensorDialog = createStore<TensorDialogState>()((set) => ({
  open: null,
  show: (kind, id) => set({ open: { kind, id } }),
  close: () => set({ open: null }),
}));

export function useTensorDialog(): TensorDialog {
  return useStore(tensorDialog, (s) => s.open);
}

/**
 * `i`: the inspector of the wire the current step computes (at step 0, the first tensor input). `j`: the Jacobian
 * lens of the current gate. Both only where wires carry tensors; a scalar circuit has nothing to inspect.
 */
export function openForStep(store: AppStore, kind: 'inspector' | 'lens'): void {
  const { model, step } = store.getState();
  if (!model?.circuit.tensor) return;
  const { circuit } = model;
  let node = model.schedule.step(step).node;
  if (node < 0 && kind === 'inspector') node = circuit.inputs.find((i) => (circuit.nodes[i]?.shape.length ?? 0) > 0) ?? circuit.inputs[0] ?? -1;
  const target = circuit.nodes[node];
  if (!target || (kind === 'lens' && target.kind !== 'gate')) return;
  tensorDialog.getState().show(kind, target.id);
}
