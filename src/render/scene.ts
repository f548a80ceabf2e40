import { autoName, gateLabel, runToEnd, type Circuit, type CircuitNode } from '../core/index.ts';
import { layoutSteps, type Point } from '../layout/index.ts';
import {
  BOX_HEIGHT, BOX_PADDING, CHAR_WIDTH, CIRCLE_LABEL_CHARS, GATE_FONT, GATE_RADIUS, LABEL_FONT, LAYER_GAP, NAME_FONT, NODE_GAP, STUB_LENGTH, TERMINAL_FONT,
} from './constants.ts';
import { tensorStub, type TensorLayout } from './tensor-stub.ts';

export type Shape = 'circle' | 'box' | 'terminal';

/** A node placed on the page: its shape's centre and size, and the stub wire that carries its labels. */
export interface SceneNode {
  readonly id: string;
  readonly index: number;
  readonly kind: CircuitNode['kind'];
  readonly label: string;
  /** The wire's name, written on it for named intermediates (`q`), empty otherwise. */
  readonly wireName: string;
  /** The wire name is an automatic one, drawn lighter than a name the user gave. */
  readonly autoNamed: boolean;
  readonly shape: Shape;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly stubStart: Point;
  readonly stubEnd: Point;
  readonly isOutput: boolean;
  readonly group?: string;
  /** Set on the gates an expanded σ or softmax is drawn as: the composite's op. */
  readonly composite?: string;
  /** Only on a wire carrying a vector or matrix: where its tag and its value and gradient blocks go. */
  readonly tensor?: TensorLayout;
  /** A gate that reads or makes a vector or matrix: it has a Jacobian lens. */
  readonly tensorGate?: true;
}

export interface SceneEdge {
  readonly id: string;
  readonly source: number;
  readonly target: number;
  readonly argPos: number;
  readonly points: readonly Point[];
}

export interface Scene {
  readonly nodes: readonly SceneNode[];
  readonly edges: readonly SceneEdge[];
  readonly width: number;
  readonly height: number;
  readonly crossings: number;
}

const textWidth = (text: string, font: number) => text.length * font * CHAR_WIDTH;
/** A scalar wire's stub holds its name at the left and a number as wide as `-12.00` at the right, apart. */
const scalarStub = (wireName: string) => Math.max(STUB_LENGTH, (wireName ? textWidth(wireName, NAME_FONT) + 10 : 0) + textWidth('-12.00', LABEL_FONT) + 6);

function shapeOf(circuit: Circuit, node: CircuitNode, i: number): { shape: Shape; label: string; width: number; height: number } {
  if (node.kind === 'gate') {
    const label = gateLabel(circuit, i);
    const circle = label.length <= CIRCLE_LABEL_CHARS;
    const width = circle ? 2 * GATE_RADIUS : Math.max(2 * GATE_RADIUS, textWidth(label, GATE_FONT) + 2 * BOX_PADDING);
    return { shape: circle ? 'circle' : 'box', label, width, height: BOX_HEIGHT };
  }
  const label = node.kind === 'input' ? (node.names[0] as string) : node.text.trim();
  return { shape: 'terminal', label, width: textWidth(label, TERMINAL_FONT) + 6, height: BOX_HEIGHT };
}

/** Layout as a pure data step: circuit in, positions out. Nothing is placed by hand. */
export function buildScene(circuit: Circuit): Scene {
  return runToEnd(sceneSteps(circuit));
}

/** buildScene in steps (the layout's), for a large circuit laid out a slice per task. */
export function* sceneSteps(circuit: Circuit): Generator<void, Scene> {
  const shapes = circuit.nodes.map((node, i) => shapeOf(circuit, node, i));
  const wireNames = circuit.nodes.map(labelledName);
  // A tensor wire's stub is long and its box tall enough for the blocks above and below it, so the layout keeps
  // every other gate, wire and label clear of them.
  const stubs = circuit.nodes.map((node, i) => (node.shape.length ? tensorStub(node.shape, wireNames[i] as string) : undefined));
  const boxes = circuit.nodes.map((node, i) => ({
    id: node.id,
    width: (shapes[i]?.width ?? 0) + (stubs[i]?.length ?? scalarStub(wireNames[i] as string)),
    height: Math.max(shapes[i]?.height ?? 0, stubs[i]?.height ?? 0),
    pinned: node.kind === 'input',
  }));
  const edgeList: { source: number; target: number; argPos: number }[] = [];
  circuit.nodes.forEach((node, target) => node.args.forEach((source, argPos) => edgeList.push({ source, target, argPos })));
  yield;
  const placed = yield* layoutSteps(boxes, edgeList, { layerGap: LAYER_GAP, nodeGap: NODE_GAP, output: circuit.output });

  const nodes = circuit.nodes.map((node, i): SceneNode => {
    const s = shapes[i] as ReturnType<typeof shapeOf>;
    const centre = placed.nodes[i] as Point;
    const left = centre.x - (boxes[i]?.width ?? 0) / 2;
    const x = left + s.width / 2;
    const stub = stubs[i];
    const stubStart = { x: left + s.width, y: centre.y };
    return {
      id: node.id, index: i, kind: node.kind, label: s.label, wireName: wireNames[i] as string, autoNamed: !node.names.length && node.kind === 'gate', shape: s.shape,
      x, y: centre.y, width: s.width, height: s.height,
      stubStart, stubEnd: { x: stubStart.x + (stub?.length ?? scalarStub(wireNames[i] as string)), y: centre.y },
      isOutput: i === circuit.output, ...(node.group !== undefined ? { group: node.group } : {}),
      ...(node.composite !== undefined ? { composite: node.composite } : {}),
      ...(stub ? { tensor: stub.place(stubStart) } : {}),
      ...(isTensorGate(circuit, node) ? { tensorGate: true } : {}),
    };
  });

  const edges = edgeList.map((e, k): SceneEdge => {
    const from = nodes[e.source] as SceneNode;
    const to = nodes[e.target] as SceneNode;
    const path = (placed.edges[k]?.points ?? []).slice(1, -1);
    const arity = circuit.nodes[e.target]?.args.length ?? 1;
    return {
      id: `${from.id}>${to.id}#${e.argPos}`, source: e.source, target: e.target, argPos: e.argPos,
      points: [from.stubEnd, ...path, entryPoint(to, e.argPos, arity)],
    };
  });
  return { nodes, edges, width: placed.width, height: placed.height, crossings: placed.crossings };
}

function isTensorGate(circuit: Circuit, node: CircuitNode): boolean {
  return node.kind === 'gate' && (node.shape.length > 0 || node.args.some((a) => (circuit.nodes[a]?.shape.length ?? 0) > 0));
}

/** The name written small on a wire: the user's name for an intermediate, or its short automatic one (`f₂`). */
function labelledName(node: CircuitNode): string {
  if (node.kind === 'gate') return node.names[0] ?? autoName(node) ?? '';
  return node.kind === 'const' ? node.names[0] ?? '' : node.names.slice(1).join(' = ');
}

/** Where a wire meets its gate: two inputs enter above and below the middle, as on the slides. */
function entryPoint(node: SceneNode, argPos: number, arity: number): Point {
  const dy = arity === 1 ? 0 : (argPos === 0 ? -1 : 1) * node.height * 0.28;
  if (node.shape === 'circle') {
    const r = node.width / 2;
    return { x: node.x - Math.sqrt(Math.max(0, r * r - dy * dy)), y: node.y + dy };
  }
  return { x: node.x - node.width / 2, y: node.y + dy };
}
