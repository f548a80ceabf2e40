import { describeShape, gateFormula, toText, type Circuit } from '../core/index.ts';
import { QUESTION_MARK, type LabelKind, type WireLabels } from './labels.ts';

/**
 * What a screen reader says for a node and the wire it drives, with only what is known at this step and never a
 * number the quiz still asks for: `q = x + y, value 3, gradient -4`, `input x, value -2`, `q = W @ x, 2-vector`.
 */
export function nodeName(circuit: Circuit, i: number, labels: WireLabels, names: readonly string[]): string {
  const node = circuit.nodes[i];
  if (!node) return '';
  const name = names[i] ?? '';
  const head = node.kind === 'input' ? `input ${name}` : node.kind === 'const' ? `constant ${name}` : toText(gateFormula(circuit, i, (k) => names[k] ?? ''));
  const tensor = node.shape.length > 0;
  const parts = [head];
  if (tensor) parts.push(labels.hiddenTag[i] ? 'shape ? (the quiz asks for it)' : describeShape(node.shape));
  for (const kind of ['value', 'grad'] as const) {
    const said = number(labels, kind, i, tensor);
    if (said) parts.push(`${kind === 'value' ? 'value' : 'gradient'} ${said}`);
  }
  if (labels.value[i] === '' && node.kind === 'gate') parts.push('not computed yet');
  return parts.join(', ');
}

function number(labels: WireLabels, kind: LabelKind, i: number, tensor: boolean): string {
  const shown = (kind === 'value' ? labels.value : labels.grad)[i] ?? '';
  if (!shown) return '';
  if (shown === QUESTION_MARK) return '? (the quiz asks for it)';
  const so = kind === 'grad' && labels.partial[i] ? ' so far, more branches to add' : '';
  return `${tensor ? 'computed' : labels.exact(kind, i)}${so}`;
}
