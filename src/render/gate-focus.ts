import type { Scene, SceneNode } from './scene.ts';

/** Keys the circuit keeps for itself while one of its nodes has the focus; the app's other keys still work there. */
export const CIRCUIT_KEYS = 'ArrowLeft ArrowRight ArrowUp ArrowDown Enter';

/**
 * One tab stop for the whole circuit (a roving tabindex): the node that has it is the current step's gate until the
 * reader moves, with ← / → to the previous / next node from left to right (the layers' topological order, top to
 * bottom within a layer) and ↑ / ↓ to the nearest node above or below. Only the node holding the stop carries a role
 * and a name, so a step rewrites two attributes, not one per gate.
 */
export class GateFocus {
  private order: number[] = [];
  private rank: number[] = [];
  private scene: Scene | null = null;
  private stop = -1;
  private name: (i: number) => string = () => '';

  constructor(
    private readonly layer: () => SVGGElement | null,
    private readonly events: { activate(i: number): void; reveal(i: number): void },
  ) {}

  /** The node with the focus before a redraw, to call `setScene` with after it. */
  focusedNode(): SceneNode | undefined {
    const had = this.focused();
    return had >= 0 ? this.scene?.nodes[had] : undefined;
  }

  setScene(scene: Scene, from: SceneNode | undefined): void {
    this.scene = scene;
    const centre = (n: SceneNode) => (n.x - n.width / 2 + n.stubEnd.x) / 2;
    this.order = scene.nodes.map((n) => n.index).sort((a, b) => {
      const p = scene.nodes[a] as SceneNode;
      const q = scene.nodes[b] as SceneNode;
      return centre(p) - centre(q) || p.y - q.y;
    });
    this.rank = [];
    this.order.forEach((node, r) => (this.rank[node] = r));
    for (const g of this.nodes()) g.setAttribute('tabindex', '-1');
    // A regrouped circuit (σ expanded or grouped) keeps the focus on the node that took the old one's place.
    const same = from ? scene.nodes.find((n) => n.id === from.id) ?? nearest(scene, from) : undefined;
    this.stop = -1;
    this.place(same?.index ?? this.order[0] ?? -1, same !== undefined);
  }

  /** The node that holds the tab stop (it must stay drawn), or -1. */
  get stopNode(): number {
    return this.stop;
  }

  /** Gives the stop's element its attributes again after the nodes around it were drawn anew. */
  redrawn(): void {
    this.place(this.stop, false);
  }

  /** Moves the tab stop to the step's gate, unless the reader is inside the circuit; renames the node holding it. */
  update(current: number, name: (i: number) => string): void {
    this.name = name;
    const inside = this.focused() >= 0;
    this.place(!inside && current >= 0 ? current : this.stop, false);
  }

  /** Handles a key pressed on a node; true when it was one of the circuit's own. */
  key(e: KeyboardEvent): boolean {
    const at = this.focused();
    if (at < 0 || e.shiftKey || e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === 'Enter') {
      this.events.activate(at);
      return true;
    }
    const next = this.neighbour(at, e.key);
    if (next === undefined) return false;
    if (next >= 0) this.place(next, true);
    return true;
  }

  private neighbour(at: number, key: string): number | undefined {
    const r = this.rank[at] ?? 0;
    if (key === 'ArrowRight') return this.order[r + 1] ?? -1;
    if (key === 'ArrowLeft') return this.order[r - 1] ?? -1;
    if (key !== 'ArrowUp' && key !== 'ArrowDown') return undefined;
    const from = this.scene?.nodes[at];
    if (!from || !this.scene) return -1;
    const sign = key === 'ArrowUp' ? -1 : 1;
    let best = -1;
    let cost = Infinity;
    for (const n of this.scene.nodes) {
      const dy = (n.y - from.y) * sign;
      if (dy <= 0) continue;
      const c = dy + 3 * Math.abs(n.x - from.x);
      if (c < cost) [best, cost] = [n.index, c];
    }
    return best;
  }

  private place(node: number, focus: boolean): void {
    const layer = this.layer();
    if (!layer || node < 0) return;
    // Revealed first: a large circuit draws a node out of view only once the view goes there.
    if (focus) this.events.reveal(node);
    if (node !== this.stop) {
      const old = this.element(this.stop);
      old?.setAttribute('tabindex', '-1');
      old?.removeAttribute('role');
      old?.removeAttribute('aria-label');
      this.stop = node;
    }
    const el = this.element(node);
    if (!el) return;
    el.setAttribute('tabindex', '0');
    el.setAttribute('role', 'button');
    const name = this.name(node);
    if (name && el.getAttribute('aria-label') !== name) el.setAttribute('aria-label', name);
    if (focus) el.focus({ preventScroll: true });
  }

  /** The node that has the keyboard focus, or -1. */
  private focused(): number {
    const active = document.activeElement;
    const layer = this.layer();
    if (!active || !layer?.contains(active) || !active.matches('g.node')) return -1;
    return Number(active.getAttribute('data-index'));
  }

  private element(node: number): SVGGElement | null {
    return node < 0 ? null : this.layer()?.querySelector<SVGGElement>(`:scope > g.node[data-index="${node}"]`) ?? null;
  }

  private nodes(): NodeListOf<SVGGElement> | [] {
    return this.layer()?.querySelectorAll<SVGGElement>(':scope > g.node') ?? [];
  }
}

function nearest(scene: Scene, to: SceneNode): SceneNode | undefined {
  let best: SceneNode | undefined;
  let d = Infinity;
  for (const n of scene.nodes) {
    const e = Math.hypot(n.x - to.x, n.y - to.y);
    if (e < d) [best, d] = [n, e];
  }
  return best;
}
