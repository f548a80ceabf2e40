import { autoName, type Circuit, type CircuitNode } from '../circuit.ts';

export type StagedLanguage = 'python' | 'javascript';

const PYTHON_KEYWORDS = [
  'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break', 'class', 'continue', 'def', 'del', 'elif',
  'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or',
  'pass', 'raise', 'return', 'try', 'while', 'with', 'yield',
];
/** NOTE: assigning `__builtins__` or `__debug__` breaks or refuses the rest of a module, so they are renamed too. */
const PYTHON_PROGRAM_NAMES = [
  'np', 'math', 'json', 'print', 'float', 'abs', 'max', 'min', 'isinstance', 'softmax', 'as_json',
  '__builtins__', '__debug__', '__name__', '__file__', '__doc__', '__spec__', '__loader__', '__package__', '__annotations__',
];
const JS_KEYWORDS = [
  'await', 'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum',
  'export', 'extends', 'false', 'finally', 'for', 'function', 'if', 'implements', 'import', 'in', 'instanceof',
  'interface', 'let', 'new', 'null', 'package', 'private', 'protected', 'public', 'return', 'static', 'super', 'switch',
  'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'arguments', 'eval',
];
const JS_PROGRAM_NAMES = [
  'undefined', 'NaN', 'Infinity', 'globalThis', 'Math', 'JSON', 'console', 'Number', 'Object', 'Array', 'String',
  'shapeOf', 'zeros', 'each', 'add', 'sum', 'mean', 'sumTo', 'spread', 'matmul', 'transpose', 'outer', 'softmax',
  'softmaxBackward', 'asJson',
];

/** Names a wire may not take in the program: the language's keywords and the names the program itself uses. */
export const RESERVED: Readonly<Record<StagedLanguage, ReadonlySet<string>>> = {
  python: new Set([...PYTHON_KEYWORDS, ...PYTHON_PROGRAM_NAMES]),
  javascript: new Set([...JS_KEYWORDS, ...JS_PROGRAM_NAMES]),
};

export interface WireIdentifiers {
  /** Each node's variable, or '' for a scalar constant, which is written as a number where it is used. */
  readonly value: readonly string[];
  /** Each node's gradient variable (`dq` for `q`), or ''. */
  readonly grad: readonly string[];
}

const SUBSCRIPT_DIGITS = /[₀-₉]+/g;
const plainDigits = (s: string) => [...s].map((ch) => String(ch.charCodeAt(0) - 0x2080)).join('');

/** `f₁` → `f_1`: the app's short automatic names, written as identifiers. */
export function identifierOf(name: string): string {
  const plain = name.replace(SUBSCRIPT_DIGITS, (digits) => `_${plainDigits(digits)}`).replace(/[^A-Za-z0-9_]/g, '_');
  return /^[A-Za-z_]/.test(plain) ? plain : `_${plain}`;
}

/** The statement letter of an unnamed statement's root (`$1` → `a`), matching its inner gates `a₁`, `a₂`. */
function statementLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) letters = String.fromCharCode(97 + ((k - 1) % 26)) + letters;
  return letters || 'a';
}

function automaticName(node: CircuitNode, index: number): string {
  const auto = autoName(node);
  if (auto !== undefined) return identifierOf(auto);
  const root = /^\$(\d+)$/.exec(node.id);
  return root ? statementLetter(Number(root[1])) : `t_${index}`;
}

/**
 * One identifier per wire, unique and never a keyword or a name the program uses: the names the user gave first, so
 * they stay as written wherever possible; then automatic names; then gradients, `d` + the wire's identifier.
 */
export function nameWires(circuit: Circuit, reserved: ReadonlySet<string>): WireIdentifiers {
  const taken = new Set<string>(reserved);
  const claim = (wanted: string): string => {
    const base = reserved.has(wanted) ? `${wanted}_` : wanted;
    let name = base;
    for (let k = 2; taken.has(name); k++) name = `${base}_${k}`;
    taken.add(name);
    return name;
  };
  const { nodes } = circuit;
  const value: string[] = nodes.map(() => '');
  nodes.forEach((node, i) => {
    if (node.names.length) value[i] = claim(identifierOf(node.names[0] as string));
  });
  let constants = 0;
  nodes.forEach((node, i) => {
    if (value[i]) return;
    if (node.kind === 'gate') value[i] = claim(automaticName(node, i));
    else if (node.kind === 'const' && node.shape.length) value[i] = claim(`c_${++constants}`);
  });
  const grad = nodes.map((node, i) => (node.kind === 'const' || !value[i] ? '' : claim(`d${value[i]}`)));
  return { value, grad };
}
