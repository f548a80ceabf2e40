import type * as d3 from 'd3';
import { GRAD_DY, LABEL_FONT, NAME_FONT, VALUE_DY } from './constants.ts';
import type { WireLabels } from './labels.ts';
import type { Scene, SceneNode } from './scene.ts';

type Layer = d3.Selection<d3.BaseType, unknown, null, undefined>;
export interface ShownLabels { value: string[]; grad: string[]; partial: Uint8Array }

/** Each wire's name, value (green, above) and gradient (red, below, with a ∂ mark so colour is not needed). */
export function drawLabels(layer: Layer, scene: Scene, _duration: number): void {
  const groups = layer.selectAll<SVGGElement, SceneNode>('g.wire-labels').data(scene.nodes, (n) => n.id);
  groups.exit().remove();
  const entered = groups.enter().append('g').attr('class', 'wire-labels');
  entered.append('text').attr('class', 'wire-name').attr('font-size', NAME_FONT);
  const value = entered.append('text').attr('class', 'value').attr('font-size', LABEL_FONT);
  value.append('title');
  const grad = entered.append('text').attr('class', 'grad').attr('font-size', LABEL_FONT);
  grad.append('tspan').attr('class', 'mark').text('∂ ');
  grad.append('tspan').attr('class', 'number');
  grad.append('title');
  const merged = entered.merge(groups).attr('data-id', (n) => n.id).attr('data-index', (n) => n.index).order();
  merged.select('text.wire-name').attr('x', (n) => n.stubStart.x + 4).attr('y', (n) => n.y + VALUE_DY).text((n) => n.wireName);
  merged.select('text.value').attr('x', (n) => n.stubEnd.x - 2).attr('y', (n) => n.y + VALUE_DY).attr('text-anchor', 'end');
  merged.select('text.grad').attr('x', (n) => n.stubEnd.x - 2).attr('y', (n) => n.y + GRAD_DY).attr('text-anchor', 'end');
  // New or moved nodes start blank; updateLabels writes them.
  merged.select('text.value').attr('data-value', null).attr('visibility', 'hidden');
  merged.select('text.grad').attr('data-grad', null).attr('visibility', 'hidden');
}

/** Writes only the labels whose text changed since the last call; returns what is now shown. */
export function updateLabels(layer: Layer, scene: Scene, labels: WireLabels, shown: ShownLabels, duration: number): ShownLabels {
  const groups = layer.selectAll<SVGGElement, SceneNode>('g.wire-labels').nodes();
  for (let i = 0; i < scene.nodes.length; i++) {
    const g = groups[i];
    if (!g) continue;
    const value = labels.value[i] ?? '';
    if (shown.value[i] !== value) {
      const text = g.children[1] as SVGTextElement;
      setText(text, value, labels.valueTitle[i] ?? '', duration, shown.value[i] === undefined || shown.value[i] === '');
      text.setAttribute('data-value', value);
    }
    const grad = labels.grad[i] ?? '';
    const partial = labels.partial[i] ?? 0;
    if (shown.grad[i] !== grad || shown.partial[i] !== partial) {
      const text = g.children[2] as SVGTextElement;
      (text.children[1] as SVGTSpanElement).textContent = partial ? `${grad} + …` : grad;
      text.classList.toggle('partial', partial === 1);
      setText(text, null, labels.gradTitle[i] ?? '', duration, shown.grad[i] === undefined || shown.grad[i] === '');
      text.setAttribute('data-grad', grad);
    }
  }
  return { value: labels.value.slice(), grad: labels.grad.slice(), partial: labels.partial.slice() };
}

function setText(text: SVGTextElement, content: string | null, title: string, duration: number, appearing: boolean): void {
  const titleEl = text.lastElementChild as SVGTitleElement;
  if (content !== null) {
    text.firstChild?.nodeType === 3 ? ((text.firstChild as Text).data = content) : text.insertBefore(document.createTextNode(content), text.firstChild);
  }
  titleEl.textContent = title;
  const visible = title !== '';
  text.setAttribute('visibility', visible ? 'visible' : 'hidden');
  if (visible && appearing && duration > 0) {
    text.animate?.([{ opacity: 0 }, { opacity: 1 }], { duration, easing: 'ease-out' });
  }
}
