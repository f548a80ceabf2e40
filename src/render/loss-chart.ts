import * as d3 from 'd3';
import { formatValue } from '../core/index.ts';
import { drawable, lossPath, lossScales, type ChartBox } from './loss-scales.ts';

export interface LossChartData {
  readonly losses: ArrayLike<number>;
  /** The iteration the circuit shows. */
  readonly shown: number;
  /** The first iteration whose loss is NaN or ±∞, or -1. */
  readonly divergedAt: number;
  readonly log: boolean;
}

const countFormat = d3.format('~s');
const lossFormat = d3.format('~g');
const decadeFormat = d3.format('.0e');

/** Powers of ten on a log axis (the scale's own ticks would also label 2…9 of each decade). */
function decades(domain: number[]): number[] {
  const [lo, hi] = [Math.min(...domain), Math.max(...domain)];
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++) out.push(10 ** e);
  const step = Math.ceil(out.length / 5);
  return out.filter((_, i) => i % step === 0);
}

export const CHART_BOX: ChartBox = { width: 340, height: 170, left: 46, right: 12, top: 12, bottom: 28 };

/** A loss that cannot sit on the axis is drawn as text: NaN, ∞. */
export const lossText = (v: number) => (Number.isNaN(v) ? 'NaN' : v === Infinity ? '∞' : v === -Infinity ? '−∞' : formatValue(v));

/**
 * The loss over the iterations, drawn with D3 into one <svg>: the curve, its axes, the iteration shown (a line and
 * a dot) and, once the loss has stopped being a number, where that happened. Dragging along it calls `onScrub` with
 * an iteration, at most once per animation frame.
 */
export class LossChart {
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly curve: d3.Selection<SVGPathElement, unknown, null, undefined>;
  private readonly xAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly yAxis: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly marker: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly diverged: d3.Selection<SVGGElement, unknown, null, undefined>;
  private x = d3.scaleLinear();
  private frame = 0;
  private wanted = -1;

  constructor(element: SVGSVGElement, private readonly onScrub: (iteration: number) => void) {
    const b = CHART_BOX;
    this.svg = d3.select(element).attr('viewBox', `0 0 ${b.width} ${b.height}`);
    this.svg.selectAll('*').remove();
    this.xAxis = this.svg.append('g').attr('class', 'axis x-axis').attr('transform', `translate(0,${b.height - b.bottom})`);
    this.yAxis = this.svg.append('g').attr('class', 'axis y-axis').attr('transform', `translate(${b.left},0)`);
    this.curve = this.svg.append('path').attr('class', 'loss-curve');
    this.diverged = this.svg.append('g').attr('class', 'loss-diverged');
    this.marker = this.svg.append('g').attr('class', 'loss-marker');
    this.marker.append('line').attr('y1', b.top).attr('y2', b.height - b.bottom);
    this.marker.append('circle').attr('r', 4);
    const scrub = (event: PointerEvent) => {
      const point = d3.pointer(event, element);
      this.wanted = Math.round(this.x.invert(point[0]));
      this.frame ||= requestAnimationFrame(() => {
        this.frame = 0;
        this.onScrub(this.wanted);
      });
    };
    this.svg.on('pointerdown', (event: PointerEvent) => {
      element.setPointerCapture?.(event.pointerId);
      scrub(event);
    });
    this.svg.on('pointermove', (event: PointerEvent) => {
      if (element.hasPointerCapture?.(event.pointerId)) scrub(event);
    });
  }

  update({ losses, shown, divergedAt, log }: LossChartData): void {
    const b = CHART_BOX;
    const scales = lossScales(losses, b, log);
    this.x = scales.x;
    this.svg.attr('data-log', scales.log ? '1' : '0').attr('data-count', losses.length);
    // Formats made once: a tick format made per frame spends its time working out a precision.
    this.xAxis.call(d3.axisBottom(scales.x).tickValues(scales.x.ticks(4).filter(Number.isInteger)).tickFormat((d) => countFormat(d as number)).tickSizeOuter(0));
    const logTicks = scales.log ? decades(scales.y.domain()) : [];
    const yTicks = logTicks.length >= 2 ? logTicks : scales.y.ticks(4);
    this.yAxis.call(d3.axisLeft(scales.y).tickValues(yTicks).tickFormat((d) => (scales.log ? decadeFormat : lossFormat)(d as number)).tickSizeOuter(0));
    this.curve.attr('d', lossPath(losses, scales));
    const v = losses[shown] as number;
    const px = scales.x(shown);
    this.marker.select('line').attr('x1', px).attr('x2', px);
    this.marker.select('circle').attr('cx', px).attr('cy', drawable(v, scales.log) ? scales.y(v) : b.top)
      .classed('off-scale', !drawable(v, scales.log));
    const marks = this.diverged.selectAll<SVGGElement, number>('g').data(divergedAt >= 0 ? [divergedAt] : []);
    marks.exit().remove();
    const entered = marks.enter().append('g');
    entered.append('line').attr('y1', b.top).attr('y2', b.height - b.bottom);
    entered.append('text').attr('y', b.top + 10).attr('text-anchor', 'end');
    entered.merge(marks).each(function (at) {
      const g = d3.select(this);
      const gx = scales.x(at);
      g.select('line').attr('x1', gx).attr('x2', gx);
      g.select('text').attr('x', gx - 4).text(`⚠ ${lossText(losses[at] as number)} at ${at}`);
    });
  }

  destroy(): void {
    cancelAnimationFrame(this.frame);
    this.svg.on('pointerdown', null).on('pointermove', null);
  }
}
