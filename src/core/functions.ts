/** The functions a formula may call, with the fewest and the most arguments each takes. */
export const FUNCTIONS = {
  exp: [1, 1], log: [1, 1], sqrt: [1, 1], abs: [1, 1], sin: [1, 1], cos: [1, 1], tanh: [1, 1], sigmoid: [1, 1], relu: [1, 1],
  max: [2, 2], min: [2, 2], pow: [2, 2],
  // Reductions take an optional axis, a number literal 0 or 1.
  sum: [1, 2], mean: [1, 2],
  softmax: [1, 1], transpose: [1, 1], dot: [2, 2],
  // Generators take one or two whole-number literal sizes.
  zeros: [1, 2], ones: [1, 2], randn: [1, 2], rand: [1, 2],
} as const satisfies Record<string, readonly [number, number]>;

export type FuncName = keyof typeof FUNCTIONS;

/** Functions whose call, alone on the right of `name = ...`, declares a tensor input with deterministic values. */
export const GENERATORS: ReadonlySet<FuncName> = new Set(['zeros', 'ones', 'randn', 'rand']);

const names = new Map<string, readonly [number, number]>(Object.entries(FUNCTIONS));

export function isFunctionName(name: string): name is FuncName {
  return names.has(name);
}

/** [fewest, most] arguments. */
export function arityOf(name: FuncName): readonly [number, number] {
  return FUNCTIONS[name];
}

/** The list of functions for error messages. */
export const FUNCTION_LIST = Object.keys(FUNCTIONS).join(', ');
