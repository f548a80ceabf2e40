import type { Expr, Program, Statement } from './ast.ts';
import { assemble, wireName, type Circuit, type CircuitNode } from './circuit.ts';
import { parenthesize } from './number-format.ts';
import type { Op } from './gates.ts';
import { parseEach } from './parser.ts';
import { errorAt, type SourceError, type Span } from './position.ts';

export interface CompileOptions {
  /** Draw sigmoid(a) as its four primitive gates (*-1, exp, +1, 1/x) instead of one σ gate. */
  readonly expandSigmoid?: boolean;
}

export type CompileResult = { ok: true; circuit: Circuit } | { ok: false; error: SourceError };

/** Beyond this a circuit cannot be drawn or stepped usefully; documented in the README. */
export const MAX_NODES = 300_000;

type Mutable = { -readonly [K in keyof CircuitNode]: CircuitNode[K] } & { groupRoot?: number };
/** A literal still waiting to be folded into a gate as `+1` or `*-1`. */
type Literal = { literal: number; expr: Expr };
/** A compiled subexpression: a wire (its node index) or a literal. */
type Value = number | Literal;
/**
 * Shared by every node without names or arguments: most nodes, so at 10^5 gates many arrays fewer.
 * NOTE: not frozen, because a frozen array slows every loop over `args` that meets it.
 */
const NONE: readonly never[] = [];

const BINARY_OPS: Record<string, [both: Op, rightConst: Op, leftConst: Op]> = {
  '+': ['add', 'addc', 'addc'], '-': ['sub', 'subc', 'rsubc'], '*': ['mul', 'mulc', 'mulc'],
  '/': ['div', 'divc', 'rdivc'], '^': ['pow', 'powc', 'rpowc'],
};

/** A mistake and where it starts: of several, the first in the source is reported. */
class CompileError {
  constructor(readonly error: SourceError, readonly offset: number) {}
}

const compileError = (span: Span, message: string) => new CompileError(errorAt(span, message), span.offset);

export function compileSource(source: string, options: CompileOptions = {}): CompileResult {
  const compiler = new Compiler(source, options);
  // Each statement is compiled as soon as it is parsed, so a long program's syntax tree is never held whole.
  const parseError = parseEach(source, (s) => compiler.add(s));
  return parseError ? { ok: false, error: parseError } : compiler.finish();
}

export function compile(program: Program, source: string, options: CompileOptions = {}): CompileResult {
  const compiler = new Compiler(source, options);
  for (const s of program.statements) compiler.add(s);
  return compiler.finish();
}

/** Compiles statement by statement, in one pass: a name is known to be used too early once its assignment is read. */
class Compiler {
  private readonly nodes: Mutable[] = [];
  private readonly inputs: number[] = [];
  /** The wire of every name seen so far: assigned names, and names used before any assignment, which are inputs. */
  private readonly env = new Map<string, number>();
  /** The line that assigns each assigned name. */
  private readonly assignedOn = new Map<string, number>();
  private statementCount = 0;
  /** The name the current statement assigns: using it in its own right side is an error. */
  private target: string | undefined;
  private output = 0;
  private outputName = '';
  private error: CompileError | undefined;
  // The walk's stacks, kept between statements. `expanded`: whether each expression on the stack has had its
  // arguments pushed, so that it is compiled when met again.
  private readonly stack: Expr[] = [];
  private readonly expanded: boolean[] = [];
  private readonly results: Value[] = [];

  constructor(
    private readonly source: string,
    private readonly options: CompileOptions,
  ) {}

  /** Compiles the next statement. After an error it only checks assignments, which may reveal an earlier mistake. */
  add(s: Statement): void {
    const index = this.statementCount++;
    if (s.target) this.checkAssignment(s.target.name, s.target.span);
    if (this.error) return;
    try {
      this.statement(s, index);
    } catch (e) {
      if (!(e instanceof CompileError)) throw e;
      this.report(e);
    }
  }

  finish(): CompileResult {
    if (this.error) return { ok: false, error: this.error.error };
    return { ok: true, circuit: assemble(this.nodes, this.inputs, this.output, this.outputName) };
  }

  private report(e: CompileError): void {
    if (!this.error || e.offset < this.error.offset) this.error = e;
  }

  private checkAssignment(name: string, span: Span): void {
    const line = this.assignedOn.get(name);
    if (line !== undefined) {
      this.report(compileError(span, `'${name}' is already defined on line ${line}: expected each name to be assigned once`));
      return;
    }
    this.assignedOn.set(name, span.line);
    // The name is already a wire without having been assigned: an earlier statement used it and took it for an input.
    const used = this.env.get(name);
    if (used !== undefined) {
      const use = (this.nodes[used] as Mutable).span;
      this.report(compileError(use, `'${name}' is used before it is defined on line ${span.line}: expected a name defined on an earlier line, or a number`));
    }
  }

  private statement(s: Statement, index: number): void {
    const name = s.target?.name;
    this.target = name;
    const firstNew = this.nodes.length;
    let output: number;
    if (s.declaresInput && name !== undefined && s.target) {
      const value = s.expr.kind === 'number' ? s.expr.value : -(s.expr.kind === 'unary' && s.expr.arg.kind === 'number' ? s.expr.arg.value : NaN);
      output = this.addInput(name, value, s.target.span);
    } else {
      output = this.wire(this.expression(s.expr));
      const node = this.nodes[output] as Mutable;
      if (name !== undefined) node.names = [...node.names, name];
    }
    if (name !== undefined) this.env.set(name, output);
    this.nameNewNodes(firstNew, output, name ?? `$${index + 1}`);
    this.output = output;
    this.outputName = name ?? this.source.slice(s.expr.start, s.expr.end).trim();
  }

  /** Ids: the statement's root takes the statement's name; the gates inside it are `name~1`, `name~2`, ... in order. */
  private nameNewNodes(first: number, root: number, key: string): void {
    let counter = 0;
    for (let i = first; i < this.nodes.length; i++) {
      const node = this.nodes[i] as Mutable;
      if (node.kind === 'input' || (node.groupRoot !== undefined && node.groupRoot !== i)) continue;
      node.id = i === root ? key : `${key}~${++counter}`;
    }
    for (let i = first; i < this.nodes.length; i++) {
      const node = this.nodes[i] as Mutable;
      if (node.groupRoot === undefined) continue;
      const rootNode = this.nodes[node.groupRoot] as Mutable;
      node.group = rootNode.id;
      if (node.groupRoot !== i) node.id = `${rootNode.id}/${i - node.groupRoot + 4}`;
    }
  }

  /** Every node is built with the same fields in the same order, so the engine's loops over them stay fast. */
  private push(kind: CircuitNode['kind'], op: Op | undefined, c: number, args: readonly number[], text: string, span: Span, names: readonly string[] = NONE): number {
    if (this.nodes.length >= MAX_NODES) {
      throw compileError(span, `the circuit is too large: expected at most ${MAX_NODES.toLocaleString('en-US')} gates and wires`);
    }
    this.nodes.push({ id: '', kind, op, c, args, names, text, span });
    return this.nodes.length - 1;
  }

  private addInput(name: string, value: number, span: Span): number {
    const index = this.push('input', undefined, value, NONE, name, span, [name]);
    (this.nodes[index] as Mutable).id = name;
    this.inputs.push(index);
    return index;
  }

  private constant(value: number, expr: Expr): number {
    return this.push('const', undefined, value, NONE, this.text(expr), expr.span);
  }

  private gate(op: Op, args: readonly number[], expr: Expr, c = 0): number {
    return this.push('gate', op, c, args, this.text(expr), expr.span);
  }

  private text(expr: Expr): string {
    return this.source.slice(expr.start, expr.end);
  }

  private wire(v: Value): number {
    return typeof v === 'number' ? v : this.constant(v.literal, v.expr);
  }

  private lookup(expr: Extract<Expr, { kind: 'name' }>): Value {
    const found = this.env.get(expr.name);
    if (found !== undefined) return found;
    if (expr.name === this.target) {
      throw compileError(expr.span, `'${expr.name}' is used in its own definition: expected a name defined on an earlier line, or a number`);
    }
    const index = this.addInput(expr.name, 1, expr.span);
    this.env.set(expr.name, index);
    return index;
  }

  /** Post-order over the expression with an explicit stack, so deep nesting cannot overflow. */
  private expression(root: Expr): Value {
    const { results, stack, expanded } = this;
    results.length = 0;
    stack.length = 0;
    expanded.length = 0;
    stack.push(root);
    expanded.push(false);
    while (stack.length) {
      const e = stack.pop() as Expr;
      if (!expanded.pop() && (e.kind === 'unary' || e.kind === 'binary' || e.kind === 'call')) {
        stack.push(e);
        expanded.push(true);
        if (e.kind === 'unary') stack.push(e.arg);
        else if (e.kind === 'binary') stack.push(e.right, e.left);
        else for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as Expr);
        while (expanded.length < stack.length) expanded.push(false);
        continue;
      }
      switch (e.kind) {
        case 'number': results.push({ literal: e.value, expr: e }); break;
        case 'name': results.push(this.lookup(e)); break;
        case 'unary': {
          const arg = results.pop() as Value;
          if (e.op === '+') results.push(arg);
          else results.push(typeof arg === 'number' ? this.gate('neg', [arg], e) : { literal: -arg.literal, expr: e });
          break;
        }
        case 'binary': {
          const right = results.pop() as Value;
          const left = results.pop() as Value;
          results.push(this.binary(e, left, right));
          break;
        }
        case 'call': {
          const args = results.splice(results.length - e.args.length);
          results.push(this.call(e, args));
          break;
        }
      }
    }
    return results[0] as Value;
  }

  private binary(e: Expr, left: Value, right: Value): number {
    const [both, rightConst, leftConst] = BINARY_OPS[(e as Extract<Expr, { kind: 'binary' }>).op] as [Op, Op, Op];
    if (typeof right !== 'number') return this.gate(rightConst, [this.wire(left)], e, right.literal);
    if (typeof left !== 'number') return this.gate(leftConst, [right], e, left.literal);
    return this.gate(both, [left, right], e);
  }

  private call(e: Extract<Expr, { kind: 'call' }>, args: Value[]): number {
    if (e.func === 'pow') return this.binary({ ...e, kind: 'binary', op: '^', left: e.args[0] as Expr, right: e.args[1] as Expr }, args[0] as Value, args[1] as Value);
    const wires = args.map((a) => this.wire(a));
    if (e.func === 'sigmoid' && this.options.expandSigmoid) return this.expandedSigmoid(e, wires[0] as number);
    return this.gate(e.func, wires, e);
  }

  /** σ(a) = 1 / (1 + exp(-1 · a)): the lecture's four gates, grouped under the σ gate's id. */
  private expandedSigmoid(e: Expr, input: number): number {
    const first = this.nodes.length;
    const a = parenthesize(wireName(this.nodes[input] as Mutable));
    const negated = this.gate('mulc', [input], e, -1);
    const exp = this.gate('exp', [negated], e);
    const plusOne = this.gate('addc', [exp], e, 1);
    const root = this.gate('rdivc', [plusOne], e, 1);
    const texts = [`-${a}`, `exp(-${a})`, `1 + exp(-${a})`];
    for (let i = first; i <= root; i++) {
      const node = this.nodes[i] as Mutable;
      node.groupRoot = root;
      if (i < root) node.text = texts[i - first] as string;
    }
    return root;
  }
}
