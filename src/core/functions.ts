/** The functions a formula may call, with how many arguments each takes. */
export const FUNCTIONS = {
  exp: 1, log: 1, sqrt: 1, abs: 1, sin: 1, cos: 1, tanh: 1, sigmoid: 1, relu: 1,
  max: 2, min: 2, pow: 2,
} as const;

export type FuncName = keyof typeof FUNCTIONS;

const names = new Map<string, number>(Object.entries(FUNCTIONS));

export function isFunctionName(name: string): name is FuncName {
  return names.has(name);
}

export function arityOf(name: FuncName): number {
  return FUNCTIONS[name];
}
