import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { countCrossings, layout, type LayoutEdge, type LayoutResult, type Point } from '../layout/index.ts';
import { randomCircuit, type CircuitGraph } from './circuits.ts';

const GATE_COUNTS = [10, 100, 1000, 5000];
const RUNS = 21;
// Warm up until the JIT has settled: at least this many runs and this much time.
const WARM_UP_RUNS = 5;
const WARM_UP_MS = 300;
// dagre needs 10–30 s for one layout of 1000 gates here: one run at that size, none beyond.
const DAGRE_MAX_GATES = 1000;
const DAGRE_RUNS = (gates: number) => (gates >= DAGRE_MAX_GATES ? 1 : 3);
const LAYER_GAP = 48;
const NODE_GAP = 24;
// The first layout in a fresh process runs before the JIT has compiled anything, as on a page's first load.
const FIRST_CALL_FLAG = '--first-call';
const FIRST_CALL_PROCESSES = 5;

export interface LayoutBenchRow {
  gates: number;
  nodes: number;
  edges: number;
  layers: number;
  dummies: number;
  /** Wall-clock and this process's CPU time: on a busy machine the second shows what the layout itself costs. */
  ms: number;
  cpuMs: number;
  firstCall: Timing;
  crossings: number;
  dagre?: { ms: number; crossings: number };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface Timing {
  ms: number;
  cpuMs: number;
}

function timed<T>(run: () => T, runs: number): Timing & { result: T } {
  const wall: number[] = [];
  const cpu: number[] = [];
  let result: T | undefined;
  // NOTE: no forced gc() between runs: here it made later layouts several times slower, unlike anything a page does.
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const startCpu = process.cpuUsage();
    result = run();
    const usedCpu = process.cpuUsage(startCpu);
    wall.push(performance.now() - start);
    cpu.push((usedCpu.user + usedCpu.system) / 1000);
  }
  return { ms: median(wall), cpuMs: median(cpu), result: result! };
}

/** Dummy nodes our layout made: each distinct wire crosses one column per layer it skips. */
function dummiesOf({ edges }: CircuitGraph, result: LayoutResult): number {
  const columns = [...new Set(result.nodes.map((p) => p.x))].sort((a, b) => a - b);
  const column = new Map(columns.map((x, i) => [x, i]));
  const routes = new Set(edges.map((e) => `${e.source}→${e.target}`));
  let dummies = 0;
  for (const route of routes) {
    const [source, target] = route.split('→').map((i) => result.nodes[Number(i)]!.x);
    dummies += column.get(target!)! - column.get(source!)! - 1;
  }
  return dummies;
}

const layoutOf = ({ nodes, edges }: CircuitGraph) => layout(nodes, edges, { layerGap: LAYER_GAP, nodeGap: NODE_GAP });

function firstCall(gates: number): Timing {
  const here = fileURLToPath(import.meta.url);
  const timings = Array.from({ length: FIRST_CALL_PROCESSES }, (): Timing => {
    const printed = execFileSync(process.execPath, ['--import', 'tsx', here, FIRST_CALL_FLAG, String(gates)], { encoding: 'utf8' });
    return JSON.parse(printed) as Timing;
  });
  return { ms: median(timings.map((t) => t.ms)), cpuMs: median(timings.map((t) => t.cpuMs)) };
}

type Dagre = typeof import('@dagrejs/dagre');

/** dagre's drawing of the same circuit, and its crossings counted on its own ranks and dummy points. */
function dagreLayout(dagre: Dagre, { nodes, edges }: CircuitGraph): number {
  const graph = new dagre.graphlib.Graph();
  graph.setGraph({ rankdir: 'LR', ranksep: LAYER_GAP, nodesep: NODE_GAP });
  graph.setDefaultEdgeLabel(() => ({}));
  nodes.forEach((node, v) => graph.setNode(String(v), { width: node.width, height: node.height }));
  for (const { source, target } of edges) graph.setEdge(String(source), String(target));
  dagre.layout(graph);
  return dagreCrossings(
    nodes.map((_, v) => graph.node(String(v)) as Point),
    graph.edges().map((e) => ({ source: Number(e.v), target: Number(e.w), points: (graph.edge(e).points ?? []) as Point[] })),
  );
}

// NOTE: dagre puts every node of a rank, dummies included, at one x; an edge's inner points are its dummies.
function dagreCrossings(centres: Point[], wires: { source: number; target: number; points: Point[] }[]): number {
  const key = (x: number) => Math.round(x * 1000);
  const all: Point[] = [...centres];
  const segments: LayoutEdge[] = [];
  for (const { source, target, points } of wires) {
    let previous = source;
    for (const point of points.slice(1, -1)) {
      all.push(point);
      segments.push({ source: previous, target: all.length - 1 });
      previous = all.length - 1;
    }
    segments.push({ source: previous, target });
  }
  const ranks = [...new Set(all.map((p) => key(p.x)))].sort((a, b) => a - b);
  const rankOf = new Map(ranks.map((x, r) => [x, r]));
  const layers: number[][] = ranks.map(() => []);
  all.forEach((p, id) => layers[rankOf.get(key(p.x))!]!.push(id));
  for (const ids of layers) ids.sort((a, b) => all[a]!.y - all[b]!.y);
  return countCrossings(layers, segments);
}

async function loadDagre(): Promise<Dagre | undefined> {
  try {
    return await import('@dagrejs/dagre');
  } catch {
    return undefined;
  }
}

export async function measureLayouts(gateCounts = GATE_COUNTS): Promise<LayoutBenchRow[]> {
  const dagre = await loadDagre();
  return gateCounts.map((gates) => {
    const circuit = randomCircuit(gates);
    const run = () => layoutOf(circuit);
    for (let i = 0, start = performance.now(); i < WARM_UP_RUNS || performance.now() - start < WARM_UP_MS; i++) run();
    const { ms, cpuMs, result } = timed(run, RUNS);
    const row: LayoutBenchRow = {
      gates,
      nodes: circuit.nodes.length,
      edges: circuit.edges.length,
      layers: result.layers,
      dummies: dummiesOf(circuit, result),
      ms,
      cpuMs,
      firstCall: firstCall(gates),
      crossings: result.crossings,
    };
    if (dagre && gates <= DAGRE_MAX_GATES) {
      const measured = timed(() => dagreLayout(dagre, circuit), DAGRE_RUNS(gates));
      row.dagre = { ms: measured.ms, crossings: measured.result };
    }
    return row;
  });
}

/** The benchmark as a Markdown table, for the top-level bench script. */
export async function runLayoutBench(): Promise<string> {
  const rows = await measureLayouts();
  const lines = [
    `Layered layout of random circuits (src/bench/circuits.ts, seed 1), Node ${process.version}; median of ${RUNS} runs after ≥ ${WARM_UP_RUNS} warm-up runs and ${WARM_UP_MS} ms.`,
    'dagre (@dagrejs/dagre, rankdir LR, same gaps): median of 3 runs, 1 run at 1000 gates, not run above; its crossings counted on its own ranks and dummies.',
    `First call: the first layout in a fresh Node process, median of ${FIRST_CALL_PROCESSES} processes.`,
    'Times as wall-clock / CPU ms; the CPU time of this process is what the layout costs when other work shares the cores.',
    '',
    '| gates | nodes | edges | layers | dummies | layout ms | first call ms | crossings | dagre ms | dagre crossings |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const dagre = r.dagre ? [r.dagre.ms.toFixed(0), r.dagre.crossings] : ['–', '–'];
      const both = ({ ms, cpuMs }: Timing) => `${ms.toFixed(2)} / ${cpuMs.toFixed(2)}`;
      const cells = [r.gates, r.nodes, r.edges, r.layers, r.dummies, both(r), both(r.firstCall), r.crossings, ...dagre];
      return `| ${cells.join(' | ')} |`;
    }),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const flag = process.argv.indexOf(FIRST_CALL_FLAG);
  if (flag < 0) console.log(await runLayoutBench());
  else {
    const circuit = randomCircuit(Number(process.argv[flag + 1]));
    const { ms, cpuMs } = timed(() => layoutOf(circuit), 1);
    console.log(JSON.stringify({ ms, cpuMs }));
  }
}
