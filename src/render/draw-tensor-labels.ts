import * as d3 from 'd3';
import { BRACKET_ARM, BRACKET_PAD, LABEL_FONT, MATRIX_FONT, MATRIX_ROW, RANGE_FONT, TAG_FONT, TAG_HEIGHT } from './constants.ts';
import { heatmapUrl } from './heatmap.ts';
import { QUESTION_MARK, type LabelKind, type WireLabels } from './labels.ts';
import type { Scene, SceneNode } from './scene.ts';
import { cellText, extent, rangeText, type HeatmapBlock, type MatrixBlock } from './tensor-geometry.ts';
import type { TensorLayout } from './tensor-stub.ts';

type Layer = d3.Selection<d3.BaseType, unknown, null, undefined>;
type Tensor = SceneNode & { tensor: TensorLayout };

/** A tensor wire's two blocks: its value above the wire and its gradient below it. */
export interface TensorLabelElements {
  readonly value: SVGGElement;
  readonly grad: SVGGElement;
  readonly layout: TensorLayout;
  /** The shape tag's text, written as `?` while the shape is a quiz question. */
  readonly tag?: SVGTextElement;
}

/** The shape tag on each tensor wire and an empty block on each side of it, keyed by node id; `update` fills them. */
export function drawTensorLabels(layer: Layer, scene: Scene): (TensorLabelElements | undefined)[] {
  const tensors = scene.nodes.filter((n): n is Tensor => n.tensor !== undefined);
  // The tag sits on the wire as a small pill, so it reads as part of the wire rather than as a label beside it.
  const tags = layer.selectAll<SVGGElement, Tensor>('g.shape-tag').data(tensors, (n) => n.id);
  tags.exit().remove();
  const newTags = tags.enter().append('g').attr('class', 'shape-tag');
  newTags.append('rect').attr('class', 'tag-pill');
  newTags.append('text').attr('font-size', TAG_FONT).attr('text-anchor', 'middle').attr('dy', '0.35em');
  const allTags = newTags.merge(tags)
    .attr('data-id', (n) => n.id).attr('data-index', (n) => n.index)
    .attr('transform', (n) => `translate(${n.tensor.tagX},${n.y})`);
  allTags.select('rect')
    .attr('x', (n) => -n.tensor.tagWidth / 2).attr('y', -TAG_HEIGHT / 2).attr('width', (n) => n.tensor.tagWidth).attr('height', TAG_HEIGHT)
    .attr('rx', TAG_HEIGHT / 2);
  allTags.select('text').text((n) => n.tensor.tag);
  const tagTexts: (SVGTextElement | undefined)[] = [];
  allTags.each(function (n) { tagTexts[n.index] = this.querySelector('text') ?? undefined; });
  const elements: (TensorLabelElements | undefined)[] = [];
  const blocks: Record<LabelKind, SVGGElement[]> = { value: [], grad: [] };
  for (const kind of ['value', 'grad'] as const) {
    const groups = layer.selectAll<SVGGElement, Tensor>(`g.tensor-label.${kind}`).data(tensors, (n) => n.id);
    groups.exit().remove();
    groups.enter().append('g').attr('class', `tensor-label ${kind}`).merge(groups)
      .attr('data-id', (n) => n.id).attr('data-index', (n) => n.index)
      .attr('data-kind', kind).attr('data-block', (n) => n.tensor.block.kind)
      .attr('transform', (n) => `translate(${n.tensor.blockX},${kind === 'value' ? n.tensor.valueY : n.tensor.gradY})`)
      .attr('visibility', 'hidden')
      .each(function (n) {
        // A block's inside depends on the shape only: rebuilt when a redrawn circuit gives this id a new shape.
        const key = n.tensor.tag;
        if (this.getAttribute('data-shape') === key) return;
        this.setAttribute('data-shape', key);
        this.replaceChildren();
        // The whole block is a click target, gaps between numbers included.
        d3.select(this).append('rect').attr('class', 'block-hit')
          .attr('x', -2).attr('y', -2).attr('width', n.tensor.block.width + 4).attr('height', n.tensor.block.height + 4);
        if (n.tensor.block.kind === 'matrix') buildMatrix(d3.select(this), n.tensor.block, kind);
        else buildHeatmap(d3.select(this), n.tensor.block, kind);
      })
      .each(function (n) { blocks[kind][n.index] = this; });
  }
  for (const n of tensors) {
    elements[n.index] = { value: blocks.value[n.index] as SVGGElement, grad: blocks.grad[n.index] as SVGGElement, layout: n.tensor, tag: tagTexts[n.index] };
  }
  return elements;
}

function buildMatrix(g: d3.Selection<SVGGElement, unknown, null, undefined>, block: MatrixBlock, kind: LabelKind): void {
  const { width: w, height: h } = block;
  g.append('path').attr('class', 'bracket')
    .attr('d', `M${BRACKET_ARM},0.5H0.5V${h - 0.5}H${BRACKET_ARM}M${w - BRACKET_ARM},0.5H${w - 0.5}V${h - 0.5}H${w - BRACKET_ARM}`);
  if (kind === 'grad') g.append('text').attr('class', 'grad-mark').attr('font-size', MATRIX_FONT).attr('text-anchor', 'end').attr('x', -2).attr('y', h / 2 + 4).text('∂');
  const left = BRACKET_ARM + BRACKET_PAD;
  for (let r = 0; r < block.rows; r++) {
    for (let c = 0; c < block.cols; c++) {
      g.append('text').attr('class', 'cell').attr('font-size', MATRIX_FONT).attr('text-anchor', 'end')
        .attr('data-k', r * block.cols + c)
        .attr('x', left + (c + 1) * block.cellWidth - BRACKET_PAD).attr('y', 2 + (r + 1) * MATRIX_ROW - 3);
    }
  }
}

function buildHeatmap(g: d3.Selection<SVGGElement, unknown, null, undefined>, block: HeatmapBlock, kind: LabelKind): void {
  const x = block.width - block.mapWidth;
  // The range sits beside the map, on the side nearest the wire.
  g.append('text').attr('class', 'range').attr('font-size', RANGE_FONT).attr('text-anchor', 'end')
    .attr('x', x - 4).attr('y', kind === 'value' ? block.height - 2 : RANGE_FONT);
  g.append('image').attr('class', 'heatmap').attr('preserveAspectRatio', 'none')
    .attr('x', x).attr('y', 0).attr('width', block.mapWidth).attr('height', block.mapHeight)
    .attr('data-rows', block.rows).attr('data-cols', block.cols).attr('data-count', block.count);
  g.append('rect').attr('class', 'heat-frame').attr('x', x - 0.5).attr('y', -0.5).attr('width', block.mapWidth + 1).attr('height', block.mapHeight + 1);
}

/** Fills one block with the step's numbers, or hides it while they are not known. */
export function updateTensorLabel(el: TensorLabelElements, kind: LabelKind, labels: WireLabels, index: number, duration: number, appearing: boolean): void {
  const g = kind === 'value' ? el.value : el.grad;
  const numbers = labels.numbers(kind, index);
  const asked = (kind === 'value' ? labels.value : labels.grad)[index] === QUESTION_MARK;
  g.setAttribute('visibility', numbers || asked ? 'visible' : 'hidden');
  g.classList.toggle('partial', kind === 'grad' && labels.partial[index] === 1);
  g.classList.toggle('question', asked);
  g.classList.toggle('asked', asked && index === labels.asked);
  if (asked) showQuestionMark(g, el.layout, kind);
  if (!numbers) return;
  const { block } = el.layout;
  if (block.kind === 'matrix') {
    g.querySelectorAll<SVGTextElement>('text.cell').forEach((cell) => {
      cell.textContent = cellText(numbers[Number(cell.getAttribute('data-k'))] as number);
    });
  } else {
    const { min, max } = extent(numbers);
    const range = g.querySelector('text.range');
    if (range) range.textContent = `${kind === 'grad' ? '∂ ' : ''}${rangeText(min, max)}`;
    g.querySelector('image.heatmap')?.setAttribute('href', heatmapUrl(numbers, block.rows, block.cols));
  }
  if (appearing && duration > 0) g.animate?.([{ opacity: 0 }, { opacity: 1 }], { duration, easing: 'ease-out' });
}

/** A quiz question in place of the block: only a `?` beside the wire, since the block's own size would tell the shape. */
function showQuestionMark(g: SVGGElement, layout: TensorLayout, kind: LabelKind): void {
  if (g.querySelector('text.question-mark')) return;
  const { height } = layout.block;
  d3.select(g).append('text').attr('class', 'question-mark').attr('font-size', LABEL_FONT).attr('text-anchor', 'start')
    .attr('x', 0).attr('y', kind === 'value' ? height - 3 : LABEL_FONT)
    .text(kind === 'grad' ? `∂ ${QUESTION_MARK}` : QUESTION_MARK);
}
