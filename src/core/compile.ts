import type { Expr, Program } from './ast.ts';
import { assemble, wireName, type Circuit, type CircuitNode } from './circuit.ts';
import { parenthesize } from './number-format.ts';
import type { Op } from './gates.ts';
import { parse } from './parser.ts';
import { errorAt, type SourceError, type Span } from './position.ts';

export interface CompileOptions {
  /** Draw sigmoid(a) as its four primitive gates (*-1, exp, +1, 1/x) instead of one σ gate. */
  readonly expandSigmoid?: boolean;
}

export type CompileResult = { ok: true; circuit: Circuit } | { ok: false; error: SourceError };

/** Beyond this a circuit cannot be drawn or stepped usefully; documented in the README. */
export const MAX_NODES = 300_000;

type Mutable = { -readonly [K in keyof CircuitNode]: CircuitNode[K] } & { names: string[]; groupRoot?: number };
/** A compiled subexpression: a wire, or a literal still waiting to be folded into a gate as `+1` or `*-1`. */
type Value = { node: number } | { literal: number; expr: Expr };

const BINARY_OPS: Record<string, [both: Op, rightConst: Op, leftConst: Op]> = {
  '+': ['add', 'addc', 'addc'], '-': ['sub', 'subc', 'rsubc'], '*': ['mul', 'mulc', 'mulc'],
  '/': ['div', 'divc', 'rdivc'], '^': ['pow', 'powc', 'rpowc'],
};

class CompileError {
  constructor(readonly error: SourceError) {}
}

export function compileSource(source: string, options: CompileOptions = {}): CompileResult {
  const parsed = parse(source);
  if (!parsed.ok) return parsed;
  return compile(parsed.program, source, options);
}

export function compile(program: Program, source: string, options: CompileOptions = {}): CompileResult {
  const definedAt = new Map<string, number>();
  let reassignment: SourceError | undefined;
  program.statements.forEach((s, i) => {
    if (!s.target) return;
    const first = definedAt.get(s.target.name);
    if (first === undefined) definedAt.set(s.target.name, i);
    else if (!reassignment) {
      const line = program.statements[first]?.target?.span.line;
      reassignment = errorAt(s.target.span, `'${s.target.name}' is already defined on line ${line}: expected each name to be assigned once`);
    }
  });
  try {
    const circuit = new Compiler(program, source, definedAt, options).run();
    return reassignment ? { ok: false, error: reassignment } : { ok: true, circuit };
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    const first = reassignment && offsetOf(reassignment, source) < offsetOf(e.error, source) ? reassignment : e.error;
    return { ok: false, error: first };
  }
}

function offsetOf(error: SourceError, source: string): number {
  const lines = source.split('\n');
  let offset = 0;
  for (let l = 1; l < error.line; l++) offset += (lines[l - 1]?.length ?? 0) + 1;
  return offset + error.column - 1;
}

class Compiler {
  private readonly nodes: Mutable[] = [];
  private readonly inputs: number[] = [];
  private readonly env = new Map<string, number>();
  private statementIndex = 0;

  constructor(
    private readonly program: Program,
    private readonly source: string,
    private readonly definedAt: ReadonlyMap<string, number>,
    private readonly options: CompileOptions,
  ) {}

  run(): Circuit {
    let output = 0;
    let outputName = '';
    this.program.statements.forEach((s, i) => {
      this.statementIndex = i;
      const firstNew = this.nodes.length;
      const name = s.target?.name;
      if (s.declaresInput && name !== undefined && s.target) {
        const value = s.expr.kind === 'number' ? s.expr.value : -(s.expr.kind === 'unary' && s.expr.arg.kind === 'number' ? s.expr.arg.value : NaN);
        output = this.addInput(name, value, s.target.span);
      } else {
        const value = this.expression(s.expr);
        output = 'node' in value ? value.node : this.constant(value.literal, value.expr);
        if (name !== undefined) (this.nodes[output] as Mutable).names.push(name);
      }
      if (name !== undefined) this.env.set(name, output);
      this.nameNewNodes(firstNew, output, name ?? `$${i + 1}`);
      outputName = name ?? this.source.slice(s.expr.start, s.expr.end).trim();
    });
    return assemble(this.nodes, this.inputs, output, outputName);
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

  private push(node: Omit<Mutable, 'id' | 'names'> & { names?: string[] }, span: Span): number {
    if (this.nodes.length >= MAX_NODES) {
      throw new CompileError(errorAt(span, `the circuit is too large: expected at most ${MAX_NODES.toLocaleString('en-US')} gates and wires`));
    }
    this.nodes.push({ id: '', names: [], ...node });
    return this.nodes.length - 1;
  }

  private addInput(name: string, value: number, span: Span): number {
    const index = this.push({ kind: 'input', c: value, args: [], names: [name], text: name, span }, span);
    (this.nodes[index] as Mutable).id = name;
    this.inputs.push(index);
    return index;
  }

  private constant(value: number, expr: Expr): number {
    return this.push({ kind: 'const', c: value, args: [], text: this.text(expr), span: expr.span }, expr.span);
  }

  private gate(op: Op, args: number[], expr: Expr, c = 0): number {
    return this.push({ kind: 'gate', op, c, args, text: this.text(expr), span: expr.span }, expr.span);
  }

  private text(expr: Expr): string {
    return this.source.slice(expr.start, expr.end);
  }

  private wire(v: Value): number {
    return 'node' in v ? v.node : this.constant(v.literal, v.expr);
  }

  private lookup(expr: Extract<Expr, { kind: 'name' }>): Value {
    const found = this.env.get(expr.name);
    if (found !== undefined) return { node: found };
    const defined = this.definedAt.get(expr.name);
    if (defined !== undefined) {
      const where = defined === this.statementIndex ? 'in its own definition' : `before it is defined on line ${this.program.statements[defined]?.target?.span.line}`;
      throw new CompileError(errorAt(expr.span, `'${expr.name}' is used ${where}: expected a name defined on an earlier line, or a number`));
    }
    const index = this.addInput(expr.name, 1, expr.span);
    this.env.set(expr.name, index);
    return { node: index };
  }

  /** Post-order over the expression with an explicit stack, so deep nesting cannot overflow. */
  private expression(root: Expr): Value {
    const results: Value[] = [];
    const stack: { expr: Expr; visited: boolean }[] = [{ expr: root, visited: false }];
    while (stack.length) {
      const frame = stack.pop() as { expr: Expr; visited: boolean };
      const e = frame.expr;
      if (!frame.visited && (e.kind === 'unary' || e.kind === 'binary' || e.kind === 'call')) {
        stack.push({ expr: e, visited: true });
        const children = e.kind === 'unary' ? [e.arg] : e.kind === 'binary' ? [e.left, e.right] : e.args;
        for (let i = children.length - 1; i >= 0; i--) stack.push({ expr: children[i] as Expr, visited: false });
        continue;
      }
      switch (e.kind) {
        case 'number': results.push({ literal: e.value, expr: e }); break;
        case 'name': results.push(this.lookup(e)); break;
        case 'unary': {
          const arg = results.pop() as Value;
          if (e.op === '+') results.push(arg);
          else results.push('literal' in arg ? { literal: -arg.literal, expr: e } : { node: this.gate('neg', [arg.node], e) });
          break;
        }
        case 'binary': {
          const right = results.pop() as Value;
          const left = results.pop() as Value;
          results.push({ node: this.binary(e, left, right) });
          break;
        }
        case 'call': {
          const args = results.splice(results.length - e.args.length);
          results.push({ node: this.call(e, args) });
          break;
        }
      }
    }
    return results[0] as Value;
  }

  private binary(e: Expr, left: Value, right: Value): number {
    const [both, rightConst, leftConst] = BINARY_OPS[(e as Extract<Expr, { kind: 'binary' }>).op] as [Op, Op, Op];
    if ('literal' in right) return this.gate(rightConst, [this.wire(left)], e, right.literal);
    if ('literal' in left) return this.gate(leftConst, [right.node], e, left.literal);
    return this.gate(both, [left.node, right.node], e);
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
