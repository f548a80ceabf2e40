import type * as d3 from 'd3';
import { GRAD_DY, LABEL_FONT, NAME_FONT, VALUE_DY } from './constants.ts';
import { drawTensorLabels, updateTensorLabel, type TensorLabelElements } from './draw-tensor-labels.ts';
import { QUESTION_MARK, type WireLabels } from './labels.ts';
import type { Scene, SceneNode } from './scene.ts';

type Layer = d3.Selection<d3.BaseType, unknown, null, undefined>;
export interface ShownLabels { value: string[]; grad: string[]; partial: Uint8Array }
/** Nothing written yet for any of `n` nodes: the next `updateLabels` writes every label it is given. */
export const noLabelsShown = (n = 0): ShownLabels => ({ value: [], grad: [], partial: new Uint8Array(n) });
/** The label elements of each node, by node index (scalar wires' texts; tensor wires' blocks), so one step touches only what changed. */
export interface LabelElements {
  value: (SVGTextElement | undefined)[];
  grad: (SVGTextElement | undefined)[];
  tensor: (TensorLabelElements | undefined)[];
}

/** Value above the wire (green), gradient below (red, italic, with a ∂ mark so colour is not needed), name on named wires. */
export function drawLabels(layer: Layer, scene: Scene): LabelElements {
  const names = layer.selectAll<SVGTextElement, SceneNode>('text.wire-name').data(scene.nodes.filter((n) => n.wireName !== ''), (n) => n.id);
  names.exit().remove();
  names.enter().append('text').attr('font-size', NAME_FONT).merge(names).attr('class', (n) => `wire-name${n.autoNamed ? ' auto' : ''}`)
    .attr('x', (n) => n.tensor?.nameX ?? n.stubStart.x + 4).attr('y', (n) => n.tensor?.nameY ?? n.y + VALUE_DY).text((n) => n.wireName);
  const scalars = scene.nodes.filter((n) => !n.tensor);
  const value = join(layer, scalars, 'value').attr('y', (n) => n.y + VALUE_DY);
  const grad = join(layer, scalars, 'grad').attr('y', (n) => n.y + GRAD_DY);
  const elements: LabelElements = { value: [], grad: [], tensor: drawTensorLabels(layer, scene) };
  value.each(function (n) { elements.value[n.index] = this; });
  grad.each(function (n) { elements.grad[n.index] = this; });
  return elements;
}

function join(layer: Layer, nodes: readonly SceneNode[], kind: 'value' | 'grad') {
  const texts = layer.selectAll<SVGTextElement, SceneNode>(`text.${kind}`).data(nodes, (n) => n.id);
  texts.exit().remove();
  return texts.enter().append('text').attr('class', kind).attr('font-size', LABEL_FONT).attr('text-anchor', 'end').merge(texts)
    .order()
    .attr('data-id', (n) => n.id)
    .attr('data-index', (n) => n.index)
    .attr('x', (n) => n.stubEnd.x - 2)
    // A redrawn circuit starts blank; updateLabels writes what the step shows.
    .attr('visibility', 'hidden')
    .attr(`data-${kind}`, '')
    .text('');
}

/**
 * Writes only the labels whose text changed since the last call, for the nodes at `indices` (every node by default:
 * a large circuit passes the part it has drawn); `shown` is brought up to date in place and returned.
 */
export function updateLabels(elements: LabelElements, labels: WireLabels, shown: ShownLabels, duration: number, indices?: readonly number[]): ShownLabels {
  const n = indices?.length ?? labels.value.length;
  for (let j = 0; j < n; j++) {
    const i = indices ? (indices[j] as number) : j;
    const value = labels.value[i] ?? '';
    const grad = labels.grad[i] ?? '';
    const partial = labels.partial[i] ?? 0;
    const tensor = elements.tensor[i];
    if (tensor) {
      const tag = labels.hiddenTag[i] ? QUESTION_MARK : tensor.layout.tag;
      if (tensor.tag && tensor.tag.textContent !== tag) tensor.tag.textContent = tag;
      if (shown.value[i] !== value) updateTensorLabel(tensor, 'value', labels, i, duration, !shown.value[i]);
      if (shown.grad[i] !== grad || shown.partial[i] !== partial) updateTensorLabel(tensor, 'grad', labels, i, duration, !shown.grad[i]);
    } else {
      if (shown.value[i] !== value) {
        const el = elements.value[i];
        if (el) write(el, 'value', value, value, duration, !shown.value[i]);
      }
      if (grad === QUESTION_MARK) elements.grad[i]?.classList.toggle('asked', i === labels.asked);
      if (value === QUESTION_MARK) elements.value[i]?.classList.toggle('asked', i === labels.asked);
      const el = elements.grad[i];
      if (el && (shown.grad[i] !== grad || shown.partial[i] !== partial)) {
        el.classList.toggle('partial', partial === 1);
        write(el, 'grad', grad, grad && `∂ ${grad}${partial ? ' + …' : ''}`, duration, !shown.grad[i]);
      }
    }
    shown.value[i] = value;
    shown.grad[i] = grad;
    shown.partial[i] = partial;
  }
  return shown;
}

function write(el: SVGTextElement, kind: string, short: string, text: string, duration: number, appearing: boolean): void {
  const wasVisible = el.getAttribute('visibility') === 'visible';
  el.textContent = text;
  el.classList.toggle('question', short === QUESTION_MARK);
  el.setAttribute(`data-${kind}`, short);
  if (wasVisible !== (text !== '')) el.setAttribute('visibility', text ? 'visible' : 'hidden');
  if (text && appearing && duration > 0) el.animate?.([{ opacity: 0 }, { opacity: 1 }], { duration, easing: 'ease-out' });
}
