import type { Expr, Program, Statement } from './ast.ts';
import { assemble, shortText, type Circuit, type CircuitNode, type GateOp } from './circuit.ts';
import { expandSigmoid } from './transforms/expand-sigmoid.ts';
import type { Op } from './gates.ts';
import { GENERATORS } from './functions.ts';
import { parseEach } from './parser.ts';
import { errorAt, type SourceError, type Span } from './position.ts';
import { seededValues } from './tensor/random.ts';
import { describeShape, SCALAR, sizeOf, transposedShape, type Shape } from './tensor/shape.ts';
import { elementwiseRule, matmulRule, reduceRule, type ShapeResult } from './tensor/shape-rules.ts';

export interface CompileOptions {
  /** Draw sigmoid(a) as its four primitive gates (*-1, exp, +1, 1/x) instead of one σ gate. */
  readonly expandSigmoid?: boolean;
}

export type CompileResult = { ok: true; circuit: Circuit } | { ok: false; error: SourceError };

/** Beyond this a circuit cannot be drawn or stepped usefully; documented in the README. */
export const MAX_NODES = 300_000;
/** A bare expression as the output is labelled by its text up to this many characters. */
export const MAX_OUTPUT_LABEL = 40;
/** The most numbers one tensor may hold (a 4096×4096 matrix is 16.7 million; this keeps memory bounded). */
export const MAX_TENSOR_SIZE = 4_000_000;

type Mutable = { -readonly [K in keyof CircuitNode]: CircuitNode[K] };
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

/** How many of a call's arguments are compiled as wires: an axis and a generator's sizes are read as literals. */
function wiredArgs(e: Extract<Expr, { kind: 'call' }>): number {
  if (GENERATORS.has(e.func)) return 0;
  if (e.func === 'sum' || e.func === 'mean') return 1;
  return e.args.length;
}

/** A mistake and where it starts: of several, the first in the source is reported. */
class CompileError {
  constructor(readonly error: SourceError, readonly offset: number) {}
}

const compileError = (span: Span, message: string) => new CompileError(errorAt(span, message), span.offset);

export function compileSource(source: string, options: CompileOptions = {}): CompileResult {
  const compiler = new Compiler(source);
  // Each statement is compiled as soon as it is parsed, so a long program's syntax tree is never held whole.
  const parseError = parseEach(source, (s) => compiler.add(s));
  return parseError ? { ok: false, error: parseError } : withOptions(compiler.finish(), options);
}

/**
 * compileSource, and where each node's text starts in the source (-1 for an input, whose text is its name): each text is
 * `source.slice(start, start + text.length)`, so a worker can send a circuit's texts as numbers, not as 250,000 strings.
 * `onStatement` hears how far the compile has read, after each statement.
 */
export function compileLocated(source: string, onStatement?: (end: number) => void): { result: CompileResult; textStarts: readonly number[] } {
  const compiler = new Compiler(source);
  const parseError = parseEach(source, (s) => {
    compiler.add(s);
    onStatement?.(s.expr.end);
  });
  return { result: parseError ? { ok: false, error: parseError } : compiler.finish(), textStarts: compiler.textStarts };
}

export function compile(program: Program, source: string, options: CompileOptions = {}): CompileResult {
  const compiler = new Compiler(source);
  for (const s of program.statements) compiler.add(s);
  return withOptions(compiler.finish(), options);
}

/** Views of a compiled circuit are transforms of it, so toggling one never reads the source again. */
function withOptions(result: CompileResult, options: CompileOptions): CompileResult {
  return result.ok && options.expandSigmoid ? { ok: true, circuit: expandSigmoid(result.circuit) } : result;
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
  /** Where the last statement starts: a non-scalar output is reported there. */
  private outputSpan: Span | undefined;
  private error: CompileError | undefined;
  // The walk's stacks, kept between statements. `expanded`: whether each expression on the stack has had its
  // arguments pushed, so that it is compiled when met again.
  private readonly stack: Expr[] = [];
  private readonly expanded: boolean[] = [];
  private readonly results: Value[] = [];
  /** Where each node's text starts in the source, or -1 where it is not a slice of it (an input's name). */
  readonly textStarts: number[] = [];

  constructor(private readonly source: string) {}

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
    const out = this.nodes[this.output];
    if (out && out.shape.length > 0 && this.outputSpan) {
      const what = describeShape(out.shape);
      return { ok: false, error: errorAt(this.outputSpan, `the output must be a scalar (a loss) but ${this.outputName.length <= 12 ? `'${this.outputName}'` : 'the last statement'} is a ${what}: expected a scalar, for example sum(...) of it`) };
    }
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
      output = this.declaration(name, s.expr, s.target.span);
    } else {
      output = this.wire(this.expression(s.expr));
      const node = this.nodes[output] as Mutable;
      if (name !== undefined) node.names = [...node.names, name];
    }
    if (name !== undefined) this.env.set(name, output);
    this.nameNewNodes(firstNew, output, name ?? `$${index + 1}`);
    this.output = output;
    // A bare expression is named as its wire is, shortened: a 100,000-character formula is no label.
    this.outputName = name ?? shortText(this.source.slice(s.expr.start, s.expr.end), MAX_OUTPUT_LABEL);
    this.outputSpan = s.target?.span ?? this.startOf(s.expr);
  }

  /** The span of an expression's first character, where a message about the whole statement points. */
  private startOf(expr: Expr): Span {
    let e = expr;
    for (;;) {
      if (e.kind === 'binary') e = e.left;
      else if (e.kind === 'index' || e.kind === 'transpose') e = e.arg;
      else break;
    }
    return e.kind === 'unary' || e.kind === 'call' || e.kind === 'array' || e.span.offset === e.start ? { ...e.span, offset: e.start, length: 1, column: e.span.column - (e.span.offset - e.start) } : e.span;
  }

  /** `x = -2`, `W = [[...]]` or `x = randn(4096)`: an input, with its initial value. */
  private declaration(name: string, expr: Expr, span: Span): number {
    if (expr.kind === 'number') return this.addInput(name, expr.value, span);
    if (expr.kind === 'unary' && expr.arg.kind === 'number') return this.addInput(name, -expr.arg.value, span);
    const { shape, values } = this.tensorLiteral(expr, name);
    return this.addInput(name, 0, span, shape, values);
  }

  /** The shape and numbers of an array literal or a generator call such as zeros(2, 3). */
  private tensorLiteral(expr: Expr, key: string): { shape: Shape; values: Float64Array } {
    if (expr.kind === 'array') {
      this.checkSize(expr.shape, expr.span);
      return { shape: expr.shape, values: Float64Array.from(expr.values) };
    }
    if (expr.kind !== 'call' || !GENERATORS.has(expr.func)) throw new Error('not a tensor literal');
    const shape = expr.args.map((arg) => {
      const size = arg.kind === 'number' ? arg.value : NaN;
      if (!(Number.isInteger(size) && size >= 1)) {
        throw compileError(arg.span, `${expr.func} expects sizes that are whole numbers ≥ 1, written as numbers, but found '${this.text(arg)}'`);
      }
      return size;
    });
    this.checkSize(shape, expr.span);
    return { shape, values: seededValues(expr.func as 'zeros', sizeOf(shape), `${key}=${this.text(expr)}`) };
  }

  private checkSize(shape: Shape, span: Span): void {
    if (sizeOf(shape) > MAX_TENSOR_SIZE) {
      throw compileError(span, `this ${describeShape(shape)} is too large: expected at most ${MAX_TENSOR_SIZE.toLocaleString('en-US')} numbers in one tensor`);
    }
  }

  /** Ids: the statement's root takes the statement's name; the gates inside it are `name~1`, `name~2`, ... in order. */
  private nameNewNodes(first: number, root: number, key: string): void {
    let counter = 0;
    for (let i = first; i < this.nodes.length; i++) {
      const node = this.nodes[i] as Mutable;
      if (node.kind !== 'input') node.id = i === root ? key : `${key}~${++counter}`;
    }
  }

  /**
   * Every node is built with the same fields in the same order, so the engine's loops over them stay fast. Its text is
   * the source of `from`, whose start is kept (see compileLocated), or an input's name.
   */
  private push(
    kind: CircuitNode['kind'], op: GateOp | undefined, c: number, args: readonly number[], from: Expr | string, span: Span,
    names: readonly string[] = NONE, shape: Shape = SCALAR, init: Float64Array | undefined = undefined,
  ): number {
    if (this.nodes.length >= MAX_NODES) {
      throw compileError(span, `the circuit is too large: expected at most ${MAX_NODES.toLocaleString('en-US')} gates and wires`);
    }
    const text = typeof from === 'string' ? from : this.text(from);
    this.textStarts.push(typeof from === 'string' ? -1 : from.start);
    this.nodes.push({ id: '', kind, op, c, args, names, text, span, group: undefined, composite: undefined, shape, init });
    return this.nodes.length - 1;
  }

  private shapeOf(v: Value): Shape {
    return typeof v === 'number' ? (this.nodes[v] as Mutable).shape : SCALAR;
  }

  private addInput(name: string, value: number, span: Span, shape: Shape = SCALAR, init?: Float64Array): number {
    const index = this.push('input', undefined, value, NONE, name, span, [name], shape, init);
    (this.nodes[index] as Mutable).id = name;
    this.inputs.push(index);
    return index;
  }

  private constant(value: number, expr: Expr): number {
    return this.push('const', undefined, value, NONE, expr, expr.span);
  }

  private gate(op: GateOp, args: readonly number[], expr: Expr, c = 0, shape: Shape = SCALAR): number {
    return this.push('gate', op, c, args, expr, expr.span, NONE, shape);
  }

  /** A shape, or the error it stands for, at the operator or function name. */
  private checked(result: ShapeResult, span: Span): Shape {
    if (!result.ok) throw compileError(span, result.message);
    return result.shape;
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
      if (!expanded.pop() && (e.kind === 'unary' || e.kind === 'binary' || e.kind === 'call' || e.kind === 'index' || e.kind === 'transpose')) {
        stack.push(e);
        expanded.push(true);
        if (e.kind === 'unary' || e.kind === 'index' || e.kind === 'transpose') stack.push(e.arg);
        else if (e.kind === 'binary') stack.push(e.right, e.left);
        else for (let i = wiredArgs(e) - 1; i >= 0; i--) stack.push(e.args[i] as Expr);
        while (expanded.length < stack.length) expanded.push(false);
        continue;
      }
      switch (e.kind) {
        case 'number': results.push({ literal: e.value, expr: e }); break;
        case 'name': results.push(this.lookup(e)); break;
        case 'array': {
          const { shape, values } = this.tensorLiteral(e, '');
          results.push(this.push('const', undefined, 0, NONE, e, e.span, NONE, shape, values));
          break;
        }
        case 'unary': {
          const arg = results.pop() as Value;
          if (e.op === '+') results.push(arg);
          else results.push(typeof arg === 'number' ? this.gate('neg', [arg], e, 0, this.shapeOf(arg)) : { literal: -arg.literal, expr: e });
          break;
        }
        case 'binary': {
          const right = results.pop() as Value;
          const left = results.pop() as Value;
          results.push(this.binary(e, left, right));
          break;
        }
        case 'call': {
          const args = results.splice(results.length - wiredArgs(e));
          results.push(this.call(e, args));
          break;
        }
        case 'index': results.push(this.index(e, results.pop() as Value)); break;
        case 'transpose': results.push(this.transpose(e, results.pop() as Value)); break;
      }
    }
    return results[0] as Value;
  }

  private binary(e: Expr, left: Value, right: Value, what = `'${(e as Extract<Expr, { kind: 'binary' }>).op}'`): Value {
    const op = (e as Extract<Expr, { kind: 'binary' }>).op;
    if (op === '@') return this.matmul(e, left, right, what);
    const ls = this.shapeOf(left);
    const rs = this.shapeOf(right);
    // NOTE: scalar circuits skip the shape rule, which allocates: compiling 10^5 gates stays as fast as before tensors.
    const shape = ls.length === 0 && rs.length === 0 ? SCALAR : this.checked(elementwiseRule(what, ls, rs), e.span);
    const [both, rightConst, leftConst] = BINARY_OPS[op] as [Op, Op, Op];
    if (typeof right !== 'number') return this.gate(rightConst, [this.wire(left)], e, right.literal, shape);
    if (typeof left !== 'number') return this.gate(leftConst, [right], e, left.literal, shape);
    return this.gate(both, [left, right], e, 0, shape);
  }

  private matmul(e: Expr, left: Value, right: Value, what: string): number {
    const shape = this.checked(matmulRule(what, this.shapeOf(left), this.shapeOf(right)), e.span);
    return this.gate('matmul', [this.wire(left), this.wire(right)], e, 0, shape);
  }

  private call(e: Extract<Expr, { kind: 'call' }>, args: Value[]): Value {
    const [first, second] = args as [Value, Value | undefined];
    switch (e.func) {
      case 'pow': return this.binary({ ...e, kind: 'binary', op: '^', left: e.args[0] as Expr, right: e.args[1] as Expr }, first, second as Value, 'pow');
      case 'dot': return this.matmul(e, first, second as Value, 'dot');
      case 'max': case 'min': {
        const ls = this.shapeOf(first);
        const rs = this.shapeOf(second as Value);
        const shape = ls.length === 0 && rs.length === 0 ? SCALAR : this.checked(elementwiseRule(e.func, ls, rs), e.span);
        return this.gate(e.func, [this.wire(first), this.wire(second as Value)], e, 0, shape);
      }
      case 'sum': case 'mean': {
        const axis = this.axis(e);
        const shape = this.checked(reduceRule(this.shapeOf(first), axis), (e.args[1] ?? e).span);
        if (this.shapeOf(first).length === 0) return first;
        return this.gate(e.func, [this.wire(first)], e, axis, shape);
      }
      case 'transpose': return this.transpose(e, first);
      case 'softmax': return this.gate('softmax', [this.wire(first)], e, 0, this.shapeOf(first));
      case 'zeros': case 'ones': case 'randn': case 'rand': {
        const { shape, values } = this.tensorLiteral(e, `@${e.span.offset}`);
        return this.push('const', undefined, 0, NONE, e, e.span, NONE, shape, values);
      }
      default: {
        const wire = this.wire(first);
        return this.gate(e.func, [wire], e, 0, this.shapeOf(wire));
      }
    }
  }

  /** A reduction's axis: -1 when absent, else a number literal 0 or 1. */
  private axis(e: Extract<Expr, { kind: 'call' }>): number {
    const arg = e.args[1];
    if (!arg) return -1;
    if (arg.kind !== 'number' || (arg.value !== 0 && arg.value !== 1)) {
      throw compileError(arg.span, `${e.func} expects the axis 0 (down the columns) or 1 (along the rows), written as a number, but found '${this.text(arg)}'`);
    }
    return arg.value;
  }

  /** A matrix's axes swapped; a vector or a scalar is unchanged, as in NumPy. */
  private transpose(e: Expr, arg: Value): Value {
    const shape = this.shapeOf(arg);
    if (shape.length < 2) return arg;
    return this.gate('transpose', [this.wire(arg)], e, 0, transposedShape(shape));
  }

  /** `v[i]`, `M[i]` (a row) or `M[i, j]`: a contiguous run of elements, starting at a flat offset kept as the constant. */
  private index(e: Extract<Expr, { kind: 'index' }>, arg: Value): number {
    const shape = this.shapeOf(arg);
    if (shape.length === 0) throw compileError(e.span, `cannot index a scalar: expected a vector or a matrix before '['`);
    if (e.indices.length > shape.length) {
      throw compileError(e.span, `too many indices: a ${describeShape(shape)} expected ${shape.length === 1 ? 'one index' : 'at most two indices'} but found ${e.indices.length}`);
    }
    const picked = e.indices.map((index, axis) => {
      const size = shape[axis] as number;
      const i = index.value < 0 ? index.value + size : index.value;
      if (i < 0 || i >= size) {
        throw compileError(index.span, `index ${index.value} is out of range for ${axis === 0 && shape.length === 2 ? 'the rows' : axis === 1 ? 'the columns' : 'the elements'} of a ${describeShape(shape)}: expected ${-size} to ${size - 1}`);
      }
      return i;
    });
    const cols = shape.length === 2 ? (shape[1] as number) : 1;
    const offset = shape.length === 1 ? (picked[0] as number) : (picked[0] as number) * cols + (picked[1] ?? 0);
    const out: Shape = shape.length === 2 && picked.length === 1 ? [cols] : SCALAR;
    return this.gate('index', [this.wire(arg)], e, offset, out);
  }
}
