/**
 * Formula sources of a chosen size, for the benchmark and the size tests. Deterministic: the same arguments always
 * give the same text, so figures can be compared between runs and machines.
 */

/** A small linear congruential generator: reproducible, and good enough to pick weights and wiring. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface NetworkShape {
  /** Neurons per layer (also the number of declared inputs). */
  readonly width: number;
  /** Previous-layer neurons each neuron reads; the same wire then fans out to about this many gates. */
  readonly fanIn: number;
  readonly layers: number;
}

/** Gates per neuron: fanIn `*w` gates, fanIn - 1 sums, `+ b`, tanh. */
const gatesPerNeuron = (fanIn: number) => 2 * fanIn + 1;

/** A square-ish unrolled network (about as many layers as neurons a layer) of about `gates` gates. */
export function networkShapeFor(gates: number, fanIn = 3): NetworkShape {
  const width = Math.max(fanIn, Math.round(Math.sqrt(gates / gatesPerNeuron(fanIn))));
  const layers = Math.max(1, Math.round((gates - (width - 1)) / (width * gatesPerNeuron(fanIn))));
  return { width, fanIn, layers };
}

/**
 * An unrolled network: `x0..` declared inputs, one bias input per layer, then layers of
 * `h3_12 = tanh(0.31*h2_40 - 0.52*h2_7 + 0.12*h2_93 + b3)` and finally `f = h9_0 + h9_1 + ...`.
 * Every hidden wire and every bias fans out to several gates, as in a real network.
 */
export function networkSource(shape: NetworkShape, seed = 1): string {
  const { width, fanIn, layers } = shape;
  const random = seededRandom(seed);
  const lines: string[] = [];
  const declarations: string[] = [];
  for (let j = 0; j < width; j++) declarations.push(`x${j} = ${(random() * 2 - 1).toFixed(2)}`);
  for (let l = 1; l <= layers; l++) declarations.push(`b${l} = ${(random() * 0.2 - 0.1).toFixed(2)}`);
  for (let i = 0; i < declarations.length; i += 10) lines.push(declarations.slice(i, i + 10).join('; '));
  const wire = (l: number, j: number) => (l === 0 ? `x${j}` : `h${l}_${j}`);
  for (let l = 1; l <= layers; l++) {
    for (let j = 0; j < width; j++) {
      let sum = '';
      for (let k = 0; k < fanIn; k++) {
        const w = random() * 2 - 1;
        const term = `${Math.abs(w).toFixed(2)}*${wire(l - 1, Math.floor(random() * width))}`;
        sum += k === 0 ? (w < 0 ? `-${term}` : term) : ` ${w < 0 ? '-' : '+'} ${term}`;
      }
      lines.push(`${wire(l, j)} = tanh(${sum} + b${l})`);
    }
  }
  const last = Array.from({ length: width }, (_, j) => wire(layers, j));
  lines.push(`f = ${last.join(' + ')}`);
  return lines.join('\n');
}

/** `x = 1` then `a1 = x*1.0001 + 0.1`, `a2 = a1*1.0001 + 0.1`, ...: a straight chain of `gates` gates (even). */
export function statementChainSource(gates: number): string {
  const lines = ['x = 1'];
  let previous = 'x';
  for (let i = 1; i <= gates / 2; i++) {
    lines.push(`a${i} = ${previous}*1.0001 + 0.1`);
    previous = `a${i}`;
  }
  return lines.join('\n');
}

/** The same chain as one expression nested `gates / 2` levels deep: `((x*1.0001 + 0.1)*1.0001 + 0.1)...`. */
export function nestedChainSource(gates: number): string {
  const depth = gates / 2;
  return `x = 1\nf = ${'('.repeat(depth)}x${')*1.0001 + 0.1'.repeat(depth)}`;
}

/** `n` levels of parentheses around `x`: `((((x))))`. */
export function nestedParens(n: number, inner = 'x'): string {
  return `${'('.repeat(n)}${inner}${')'.repeat(n)}`;
}
