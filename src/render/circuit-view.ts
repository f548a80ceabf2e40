import * as d3 from 'd3';
import { COMMIT_DELAY_MS, FIT_PADDING, FOLLOW_BELOW_SCALE, FOLLOW_MARGIN, FOLLOW_SCALE, GATE_FONT, GATE_MIN_PX, LABEL_FONT, LABEL_MIN_PX, LABEL_MIN_SCALE, LARGE_SCENE, MAX_GATE_BOOST, MAX_WINDOW_NODES, SKETCH_BELOW_SCALE, VIRTUAL_SCENE, WINDOW_MARGIN, MAX_LABEL_BOOST, MAX_SYMBOL_BOOST, TRANSITION_MS, ZOOM_EXTENT } from './constants.ts';
import { drawEdges } from './draw-edges.ts';
import { drawLabels, noLabelsShown, updateLabels, type LabelElements, type ShownLabels } from './draw-labels.ts';
import { attachTooltip } from './tooltip.ts';
import { drawNodes } from './draw-nodes.ts';
import { pageZoom } from './page-zoom.ts';
import { CIRCUIT_KEYS, GateFocus } from './gate-focus.ts';
import type { WireLabels } from './labels.ts';
import type { Scene } from './scene.ts';
import { area, contains, countIn, sceneWindow, viewRect, type SceneWindow } from './scene-window.ts';
import { sketchPaths } from './sketch.ts';
import { describeTarget, wireOf, WIRE_TARGETS } from './targets.ts';
import { letVerticalSwipesScroll } from './vertical-swipe.ts';

export interface Focus {
  /** The node the current step computes, or -1. */
  readonly node: number;
  readonly phase: 'start' | 'forward' | 'seed' | 'backward';
}

export interface ViewEvents {
  onGateClick?(nodeIndex: number): void;
  /** Enter on a focused input or constant (a gate's Enter is its click). */
  onTerminalEnter?(nodeIndex: number): void;
  /** A tensor wire, its stub, its tag or one of its blocks was clicked. */
  onWireClick?(nodeIndex: number): void;
  /** The view started or stopped following the current gate. */
  onFollowChange?(following: boolean): void;
  /** A scalar wire's value or gradient label was clicked. */
  onLabelClick?(nodeIndex: number, kind: 'value' | 'grad'): void;
  /** The zoom crossed the scale below which numbers are hidden. */
  onLabelsHidden?(hidden: boolean): void;
}

const BOOSTS = ['--label-boost', '--gate-boost', '--symbol-boost'] as const;

const reducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * D3 owns everything inside the <svg> it is given; React never renders into it. Joins are keyed by node id,
 * so a regrouped or edited circuit moves smoothly instead of being redrawn. Pan and zoom listen on the svg's
 * parent, so that a large circuit can be moved as one composited picture while the gesture lasts.
 */
/** How the view frames a circuit: when it follows the current gate, at which scale, how far a fit may enlarge. */
export interface Framing {
  /** Follow the current gate when the whole circuit would be drawn smaller than this scale. */
  followBelow?: number;
  followScale?: number;
  maxFitScale?: number;
  /** Camera moves and label changes animate (the presentation view keeps still). */
  animate?: boolean;
}
const DEFAULT_FRAMING: Required<Framing> = { followBelow: FOLLOW_BELOW_SCALE, followScale: FOLLOW_SCALE, maxFitScale: 2.2, animate: true };

export class CircuitView {
  private readonly svg: d3.Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly viewport: d3.Selection<SVGGElement, unknown, null, undefined>;
  private readonly surface: d3.Selection<Element, unknown, null, undefined>;
  private readonly zoom: d3.ZoomBehavior<Element, unknown>;
  /** The transform drawn into the svg; during a gesture on a large circuit the screen runs ahead of it. */
  private committed = d3.zoomIdentity;
  private pending: d3.ZoomTransform | null = null;
  /** Where the camera is moving to (a framing still animating); steps taken meanwhile judge what is in view by it. */
  private heading: d3.ZoomTransform | null = null;
  private commitTimer: ReturnType<typeof setTimeout> | undefined;
  private scene: Scene | null = null;
  private shown: ShownLabels = noLabelsShown();
  private focus: Focus = { node: -1, phase: 'start' };
  private labelElements: LabelElements = { value: [], grad: [], tensor: [] };
  private labels: WireLabels | null = null;
  private size = { width: 0, height: 0 };
  private readonly resize: ResizeObserver | null;
  private readonly stopSwipes: () => void;
  /** The view follows the current gate at a readable scale: set when the whole circuit would be too small to read. */
  private following = false;
  /** The reader pressed Follow: keep following even where the whole circuit would be readable. */
  private followAsked = false;
  /** Whether following is allowed at all (the reader can turn it off). */
  private followEnabled = true;
  /** How many layouts were drawn: a value edit must never draw one (tests read it from the svg). */
  private scenesDrawn = 0;
  /**
   * A scene of VIRTUAL_SCENE nodes or more has only the part around the view in the DOM (`window`), drawn again as
   * the view moves; `drawn` flags its nodes. Laying out and painting every gate of a large circuit held the page for seconds.
   */
  private virtual = false;
  private window: SceneWindow | null = null;
  private drawn = new Uint8Array();

  private framing: Required<Framing>;
  /** The scale this scene was framed at while the page was not zoomed, and the least scale framing allows now. */
  private unzoomed: { scene: Scene; k: number } | null = null;
  private leastScale = 0;
  /** The boosts last written into the svg's style. */
  private boosts = '';
  private readonly keys: GateFocus;

  constructor(element: SVGSVGElement, private readonly events: ViewEvents = {}, options: Framing = {}) {
    this.framing = { ...DEFAULT_FRAMING, ...options };
    this.svg = d3.select(element);
    this.svg.selectAll('*').remove();
    this.svg.attr('data-follow', '0');
    this.viewport = this.svg.append('g').attr('class', 'viewport');
    const sketch = this.viewport.append('g').attr('class', 'sketch').attr('aria-hidden', 'true');
    sketch.append('path').attr('class', 'sketch-wires');
    sketch.append('path').attr('class', 'sketch-shapes');
    this.viewport.append('g').attr('class', 'edges');
    this.viewport.append('g').attr('class', 'nodes');
    this.viewport.append('g').attr('class', 'labels');
    const box = element.getBoundingClientRect();
    this.size = { width: box.width, height: box.height };
    // Sizes come from the observer, so fitting never forces a synchronous layout of a freshly drawn circuit.
    this.resize = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => {
      const rect = entries[0]?.contentRect;
      if (!rect || (rect.width === this.size.width && rect.height === this.size.height)) return;
      this.size = { width: rect.width, height: rect.height };
      this.fit(false, this.followAsked ? 'follow' : 'auto');
    }) : null;
    this.resize?.observe(element);
    this.surface = d3.select<Element, unknown>(element.parentElement ?? element);
    this.zoom = d3.zoom<Element, unknown>()
      .scaleExtent(ZOOM_EXTENT)
      // The default extent reads the SVG's size from the DOM, forcing a layout of everything just drawn.
      .extent(() => [[0, 0], [this.size.width, this.size.height]])
      .on('zoom', (event: d3.D3ZoomEvent<Element, unknown>) => {
        // A pan or zoom by the reader (not by the view itself) takes over the camera until Fit or Follow.
        if (event.sourceEvent) {
          this.setFollowing(false);
          this.heading = null;
        }
        this.preview(event.transform);
      });
    this.surface.call(this.zoom).on('dblclick.zoom', null);
    this.stopSwipes = letVerticalSwipesScroll(this.surface.node() as HTMLElement);
    attachTooltip(this.svg, this.viewport, (target, cell) => describeTarget(target, cell, this.scene, this.labels));
    this.keys = new GateFocus(() => this.viewport.select<SVGGElement>('g.nodes').node(), {
      activate: (i) => (this.scene?.nodes[i]?.kind === 'gate' ? this.events.onGateClick?.(i) : this.events.onTerminalEnter?.(i)),
      reveal: (i) => this.reveal(i),
    });
    this.svg.attr('data-own-keys', CIRCUIT_KEYS).on('keydown.gates', (event: KeyboardEvent) => {
      if (this.keys.key(event)) event.preventDefault();
    });
    this.svg.on('click.wire', (event: MouseEvent) => {
      const target = event.target as Element | null;
      const index = this.scene ? wireOf(target, this.scene) : undefined;
      if (index !== undefined) return this.events.onWireClick?.(index);
      // A scalar wire's number: its value, or its gradient, is what the reader wants to see computed.
      const label = target?.closest('text.value[data-index], text.grad[data-index]');
      if (label) this.events.onLabelClick?.(Number(label.getAttribute('data-index')), label.matches('.grad') ? 'grad' : 'value');
    });
  }

  get duration(): number {
    return reducedMotion() || !this.framing.animate ? 0 : TRANSITION_MS;
  }

  /** Changes how the view frames the circuit (the presentation view's larger scale) and frames it again. */
  setFraming(framing: Framing): void {
    this.framing = { ...DEFAULT_FRAMING, ...framing };
    this.fit(false);
  }

  /** Draws a new circuit shape, moving the gates it shares with the one shown; labels start blank until `update`. */
  setScene(scene: Scene): void {
    const focused = this.keys.focusedNode();
    this.virtual = scene.nodes.length >= VIRTUAL_SCENE;
    const animate = this.scene !== null && this.duration > 0 && !this.virtual;
    this.scene = scene;
    this.labels = null;
    this.shown = noLabelsShown(scene.nodes.length);
    this.draw(this.virtual ? this.windowAround([]) : null, animate ? this.duration : 0);
    this.keys.setScene(scene, focused);
    if (this.virtual && !this.drawn[this.keys.stopNode]) this.redrawWindow([]);
    this.svg.attr('data-nodes', scene.nodes.length).attr('data-scenes', ++this.scenesDrawn);
  }

  /**
   * Puts the nodes and edges of `window` (all of them when null) into the DOM, keyed so that those already there stay.
   * A window seen from far away (`window.sketch`) is drawn as a sketch instead, but for its pinned nodes and their wires.
   */
  private draw(window: SceneWindow | null, duration: number): void {
    const scene = this.scene as Scene;
    this.window = window;
    const full = window?.sketch ? window.pinned : window?.nodes;
    const part = full ? { ...scene, nodes: full.map((i) => scene.nodes[i] as Scene['nodes'][number]) } : scene;
    this.drawn = new Uint8Array(scene.nodes.length);
    for (const n of part.nodes) this.drawn[n.index] = 1;
    const edges = window?.sketch ? window.edges.filter((k) => this.drawn[scene.edges[k]?.target as number] === 1) : window?.edges;
    drawEdges(this.viewport.select('g.edges'), scene, duration, edges);
    drawNodes(this.viewport.select('g.nodes'), part, duration, (i, target) => {
      if (!target.closest(WIRE_TARGETS)) this.events.onGateClick?.(i);
    });
    this.labelElements = drawLabels(this.viewport.select('g.labels'), part);
    const sketch = window?.sketch ? sketchPaths(scene, window.nodes.filter((i) => !this.drawn[i]), window.edges.filter((k) => !this.drawn[scene.edges[k]?.target as number])) : { wires: '', shapes: '' };
    this.viewport.select('path.sketch-wires').attr('d', sketch.wires || null);
    this.viewport.select('path.sketch-shapes').attr('d', sketch.shapes || null);
    this.svg.attr('data-drawn', part.nodes.length).attr('data-sketch', window?.sketch ? window.nodes.length : null);
  }

  /**
   * The window for transform `t` (the committed one by default), keeping `extra` nodes, the current gate and the
   * keyboard's stop drawn: the view and WINDOW_MARGIN views around it, or just the view when that would be too many
   * nodes; seen from far away, a sketch of it.
   */
  private windowAround(extra: readonly number[], t: d3.ZoomTransform = this.committed): SceneWindow {
    const scene = this.scene as Scene;
    const { width, height } = this.size;
    const wide = viewRect(t, width, height, WINDOW_MARGIN);
    const rect = countIn(scene, wide) > MAX_WINDOW_NODES ? viewRect(t, width, height, 0) : wide;
    return sceneWindow(scene, rect, [...extra, this.focus.node, this.keys.stopNode], t.k < SKETCH_BELOW_SCALE);
  }

  /** Draws the window around the view again (see `drawAgain`). */
  private redrawWindow(extra: readonly number[], t?: d3.ZoomTransform): void {
    if (this.scene) this.drawAgain(this.windowAround(extra, t));
  }

  /** Draws `window` (the whole scene when null) with its labels and highlight as they were: new label elements start blank. */
  private drawAgain(window: SceneWindow | null): void {
    this.draw(window, 0);
    this.shown = noLabelsShown(this.scene?.nodes.length);
    if (this.labels) this.shown = updateLabels(this.labelElements, this.labels, this.shown, 0, this.drawnNodes());
    this.highlight(this.focus);
    this.keys.redrawn();
  }

  /** The nodes drawn in full (all of them when the scene is not windowed). */
  private drawnNodes(): readonly number[] | undefined {
    return this.window ? (this.window.sketch ? this.window.pinned : this.window.nodes) : undefined;
  }

  /**
   * After the view moved (or before it moves to `t`): a new window once the view leaves the one drawn, shows far less
   * of it than is drawn, or crosses the scale between a sketch and a drawing.
   */
  private followView(t: d3.ZoomTransform = this.heading ?? this.committed): void {
    if (!this.virtual || !this.scene || !this.window || this.size.width <= 0) return;
    const seen = viewRect(t, this.size.width, this.size.height, 0);
    const fits = contains(this.window.rect, seen) && area(this.window.rect) <= 9 * area(seen);
    if (fits && this.window.sketch === t.k < SKETCH_BELOW_SCALE) return;
    this.redrawWindow([], t);
  }

  /** Writes the labels of one step, touching only those that changed, and highlights the step's gate and wires. */
  update(labels: WireLabels, focus: Focus, name: (nodeIndex: number) => string = () => ''): void {
    if (!this.scene) return;
    this.labels = labels;
    if (this.virtual && focus.node >= 0 && !this.drawn[focus.node]) this.redrawWindow([focus.node]);
    this.shown = updateLabels(this.labelElements, labels, this.shown, this.duration, this.drawnNodes());
    this.highlight(focus);
    this.keys.update(focus.node, name);
    if (this.following && !this.inView(focus.node)) this.frame(focus.node, true);
  }

  private highlight(focus: Focus): void {
    const previous = this.focus;
    this.focus = focus;
    const scene = this.scene as Scene;
    const nodes = this.viewport.select('g.nodes');
    const edges = this.viewport.select('g.edges');
    const id = (i: number) => scene.nodes[i]?.id ?? '';
    if (previous.node >= 0) {
      nodes.selectAll<SVGGElement, unknown>('g.node.current').classed('current', false);
      edges.selectAll('path.active').classed('active', false).classed('backward', false);
      this.viewport.selectAll('.stub-active').classed('stub-active', false);
      this.viewport.select('g.labels').selectAll('.current').classed('current', false);
    }
    if (focus.node < 0) return;
    // The current gate's own labels stay readable when the others are hidden at a small zoom.
    this.viewport.select('g.labels').selectAll(`[data-index="${focus.node}"]`).classed('current', true);
    const current = id(focus.node);
    nodes.select(`g.node[data-index="${focus.node}"]`).classed('current', true);
    if (focus.phase !== 'seed') {
      scene.edges.forEach((e, k) => {
        if (e.target === focus.node) edges.select(`path[data-edge-index="${k}"]`).classed('active', true).classed('backward', focus.phase === 'backward');
      });
    }
    nodes.select(`g.node[data-index="${focus.node}"] line.stub`).classed('stub-active', true);
    this.svg.attr('data-current', current);
  }

  /**
   * Small circuits redraw at once. A large one is only moved as a picture (a CSS transform on the svg, which moves
   * what is painted without laying out thousands of elements again) and redrawn once the gesture pauses.
   */
  private preview(t: d3.ZoomTransform): void {
    if ((this.window?.nodes.length ?? this.scene?.nodes.length ?? 0) < LARGE_SCENE) return this.commit(t);
    const c = this.committed;
    const r = t.k / c.k;
    (this.svg.node() as SVGSVGElement).style.transform = `translate(${t.x - c.x * r}px, ${t.y - c.y * r}px) scale(${r})`;
    this.pending = t;
    clearTimeout(this.commitTimer);
    this.commitTimer = setTimeout(() => this.flush(), COMMIT_DELAY_MS);
  }

  private commit(t: d3.ZoomTransform): void {
    this.committed = t;
    this.pending = null;
    this.viewport.attr('transform', t.toString());
    const hidden = t.k < LABEL_MIN_SCALE;
    const boost = (minPx: number, font: number, max: number) => String(Math.min(max, Math.max(1, minPx / (font * t.k))));
    // An inherited property that changes restyles every element below it (a second or more at 5,000 gates): only if it did.
    const boosts = [boost(LABEL_MIN_PX, LABEL_FONT, MAX_LABEL_BOOST), boost(GATE_MIN_PX, GATE_FONT, MAX_GATE_BOOST), boost(GATE_MIN_PX, GATE_FONT, MAX_SYMBOL_BOOST)];
    if (boosts.join() !== this.boosts) {
      this.boosts = boosts.join();
      const style = (this.svg.node() as SVGSVGElement).style;
      BOOSTS.forEach((name, i) => style.setProperty(name, boosts[i] as string));
    }
    if (hidden !== this.svg.classed('labels-hidden')) {
      this.svg.classed('labels-hidden', hidden);
      this.events.onLabelsHidden?.(hidden);
    }
    (this.svg.node() as SVGSVGElement).style.transform = '';
    this.followView();
  }

  /** Draws any transform still shown only as a picture. */
  flush(): void {
    clearTimeout(this.commitTimer);
    if (this.pending) this.commit(this.pending);
  }

  /**
   * Frames the circuit: the whole of it when it can be read that way (or when `whole` is asked for, as the Fit button
   * does); otherwise a readable part of it around the current gate, which the view then follows from step to step.
   */
  fit(animate = true, mode: 'auto' | 'whole' | 'follow' = 'auto'): void {
    if (!this.scene) return;
    const { width, height } = this.size;
    if (width <= 0 || height <= 0) return;
    const s = this.scene;
    const fitting = (w: number, h: number) => Math.min(ZOOM_EXTENT[1], this.framing.maxFitScale, (w - 2 * FIT_PADDING) / Math.max(1, s.width), (h - 2 * FIT_PADDING) / Math.max(1, s.height));
    const k = fitting(width, height);
    // Zoomed in (200 %), the reader asked for larger type: labels keep at least the CSS size they had at 100 %
    // (the scale drawn then, or the fit of a view `zoom` times larger), and a circuit too big for that is followed.
    const zoom = pageZoom();
    this.leastScale = zoom > 1 ? (this.unzoomed?.scene === s ? this.unzoomed.k : fitting(width * zoom, height * zoom)) : 0;
    if (mode === 'follow' || (mode === 'auto' && this.followEnabled && (k < this.framing.followBelow || k < this.leastScale))) {
      this.setFollowing(true);
      this.frame(this.focus.node, animate);
      if (zoom === 1) this.unzoomed = { scene: s, k: this.framing.followScale };
      return;
    }
    this.setFollowing(false);
    const scale = Math.max(ZOOM_EXTENT[0], k);
    if (zoom === 1) this.unzoomed = { scene: s, k: scale };
    this.moveTo(d3.zoomIdentity.translate((width - s.width * scale) / 2, (height - s.height * scale) / 2).scale(scale), animate);
  }

  /** Turns following the current gate on (framing it now) or off (showing the whole circuit). */
  setFollow(enabled: boolean): void {
    this.followEnabled = enabled;
    this.fit(true, enabled ? 'follow' : 'whole');
    this.followAsked = enabled;
  }

  get isFollowing(): boolean {
    return this.following;
  }

  private setFollowing(following: boolean): void {
    if (!following) this.followAsked = false;
    if (following === this.following) return;
    this.following = following;
    this.svg.attr('data-follow', following ? '1' : '0');
    this.events.onFollowChange?.(following);
  }

  /** Centres a node (the inputs' side before the first step) at the follow scale, keeping the drawing's edges in view. */
  private frame(node: number, animate: boolean): void {
    const s = this.scene as Scene;
    const { width, height } = this.size;
    const k = Math.max(this.framing.followScale, this.leastScale);
    const target = s.nodes[node];
    const cx = target ? (target.x + target.stubEnd.x) / 2 : 0;
    const cy = target ? target.y : s.height / 2;
    const clamp = (t: number, view: number, size: number) => (size * k + 2 * FIT_PADDING <= view ? (view - size * k) / 2 : Math.min(FIT_PADDING, Math.max(view - size * k - FIT_PADDING, t)));
    const tx = clamp(target ? width / 2 - cx * k : FIT_PADDING, width, s.width);
    const ty = clamp(height / 2 - cy * k, height, s.height);
    this.moveTo(d3.zoomIdentity.translate(tx, ty).scale(k), animate);
  }

  /** Pans a node focused from the keyboard into the middle of the view, when it is not there already, at the same zoom. */
  private reveal(node: number): void {
    if (this.virtual && !this.drawn[node]) this.redrawWindow([node]);
    const target = this.scene?.nodes[node];
    if (!target || this.inView(node)) return;
    const t = this.pending ?? this.committed;
    const { width, height } = this.size;
    this.moveTo(d3.zoomIdentity.translate(width / 2 - ((target.x + target.stubEnd.x) / 2) * t.k, height / 2 - target.y * t.k).scale(t.k), true);
  }

  /** Whether a node sits inside the middle of the view, away from its edges. */
  private inView(node: number): boolean {
    const target = this.scene?.nodes[node];
    if (!target) return true;
    const t = this.heading ?? this.pending ?? this.committed;
    const [x0, y] = t.apply([target.x - target.width / 2, target.y]);
    const [x1] = t.apply([target.stubEnd.x, target.y]);
    const { width, height } = this.size;
    return x0 >= width * FOLLOW_MARGIN && x1 <= width * (1 - FOLLOW_MARGIN) && y >= height * FOLLOW_MARGIN && y <= height * (1 - FOLLOW_MARGIN);
  }

  private moveTo(t: d3.ZoomTransform, animate: boolean): void {
    this.heading = t;
    // The camera's destination is drawn before it sets off, not again at every frame of the way.
    this.followView(t);
    if (animate && this.duration > 0) this.surface.transition().duration(this.duration).call(this.zoom.transform, t);
    else {
      this.surface.call(this.zoom.transform, t);
      this.flush();
    }
  }

  zoomBy(factor: number): void {
    this.heading = null;
    this.surface.transition().duration(this.duration).call(this.zoom.scaleBy, factor);
  }

  panBy(dx: number, dy: number): void {
    this.heading = null;
    this.surface.transition().duration(this.duration).call(this.zoom.translateBy, dx, dy);
  }

  /**
   * The drawing and the laid-out scene's size, for an export of the whole circuit (any gesture drawn first). A large
   * scene is drawn whole for it: call `release` once the picture is made, to go back to drawing only the view's part.
   */
  picture(): { svg: SVGSVGElement; scene: Scene; width: number; height: number; release(): void } | null {
    if (!this.scene) return null;
    this.flush();
    const release = () => this.virtual && this.redrawWindow([]);
    if (this.virtual) this.drawAgain(null);
    return { svg: this.svg.node() as SVGSVGElement, scene: this.scene, width: this.scene.width, height: this.scene.height, release };
  }

  destroy(): void {
    this.resize?.disconnect();
    this.stopSwipes();
    clearTimeout(this.commitTimer);
    this.surface.on('.zoom', null);
    this.svg.selectAll('*').remove();
  }
}
