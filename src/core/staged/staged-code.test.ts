import { describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { evaluate } from '../evaluate.ts';
import { GATES } from '../gates.ts';
import { TENSOR_OPS } from '../tensor/ops.ts';
import { identifierOf, nameWires, RESERVED } from './identifiers.ts';
import { jsGates } from './js-gates.ts';
import { JS_TENSOR_OPS } from './js-tensor.ts';
import { pythonGates } from './python-gates.ts';
import { PYTHON_TENSOR_OPS } from './python-tensor.ts';
import { stagedCode, type StagedLanguage } from './staged-code.ts';

const code = (source: string, language: StagedLanguage) => {
  const result = stagedCode(source, language);
  if (!result.ok) throw new Error(result.error.message);
  return result.code;
};
const body = (program: string) => program.split('\n').filter((line) => line && !/^\s*(#|\/\/)/.test(line));

describe('stagedCode covers', () => {
  const sorted = (keys: Iterable<string>) => [...keys].sort();
  it.each([[false, false], [true, false], [true, true]])('every scalar gate in Python (NumPy %s, exact %s)', (numpy, exact) => {
    expect(sorted(Object.keys(pythonGates(numpy, exact)))).toEqual(sorted(GATES.keys()));
  });
  it.each([false, true])('every scalar gate in JavaScript (exact %s)', (exact) => {
    expect(sorted(Object.keys(jsGates(exact)))).toEqual(sorted(GATES.keys()));
  });
  it('every tensor gate in both languages', () => {
    expect(sorted(Object.keys(PYTHON_TENSOR_OPS))).toEqual(sorted(TENSOR_OPS.keys()));
    expect(sorted(Object.keys(JS_TENSOR_OPS))).toEqual(sorted(TENSOR_OPS.keys()));
  });
});

describe('stagedCode', () => {
  it.each(['f = (x +', 'x = 1\nx = 2', 'f = [1, 2] @ 3', 'q = y\ny = 2', 'W = [[1, 2]]\nf = W'])('gives evaluate\'s error for %j', (source) => {
    const want = evaluate(source);
    if (want.ok) throw new Error('expected an error');
    for (const language of ['python', 'javascript'] as const) {
      const got = stagedCode(source, language);
      expect(got.ok ? undefined : { message: got.error.message, line: got.error.line, column: got.error.column }).toEqual(want.error);
    }
  });

  it('refuses a source that is not a string, and an unknown language, without throwing', () => {
    expect(stagedCode(42 as unknown as string, 'python')).toMatchObject({ ok: false, error: { message: 'expected the formula as a string' } });
    expect(stagedCode('f = x', 'ruby' as StagedLanguage)).toMatchObject({ ok: false, error: { line: 1, column: 1 } });
  });

  it('writes the lecture\'s (x + y) z as the lecture stages it', () => {
    expect(body(code('x = -2; y = 5; z = -4\nf = (x + y) * z', 'python'))).toEqual([
      'import json', 'import math', 'x = -2.0', 'y = 5.0', 'z = -4.0', 'f_1 = x + y', 'f = f_1 * z',
      'df = 1.0', 'df_1 = z * df', 'dz = f_1 * df', 'dx = df_1', 'dy = df_1',
      'def as_json(v):', '    """JSON has no NaN or infinities: they are written as the strings "NaN", "Infinity" and "-Infinity"."""',
      '    v = float(v)', "    return v if math.isfinite(v) else 'NaN' if v != v else 'Infinity' if v > 0 else '-Infinity'",
      'print(json.dumps({"output": as_json(f), "grads": {"x": as_json(dx), "y": as_json(dy), "z": as_json(dz)}}))',
    ]);
  });

  it('starts a branching wire\'s gradient at 0 and adds each branch with +=', () => {
    expect(body(code('x = 3\nf = x * x + x', 'python'))).toEqual(expect.arrayContaining(['dx = 0.0', 'dx += x * df_1', 'dx += x * df_1', 'dx += df']));
    expect(body(code('x = [1, 2]\nf = sum(x * x)', 'javascript'))).toEqual(expect.arrayContaining(['let dx = zeros([2]);', 'dx = add(dx, each((x, df_1) => x * df_1, x, df_1));']));
  });

  it('sums a broadcast gradient back over the stretched axes', () => {
    const source = 'M = [[1, 2], [3, 4]]\nb = [5, 6]\nc = [[1], [2]]\nf = sum(M + b + c)';
    expect(body(code(source, 'python'))).toEqual(expect.arrayContaining(['dc = np.sum(df_2, axis=1, keepdims=True)', 'db = np.sum(df_1, axis=0)']));
    expect(body(code(source, 'javascript'))).toEqual(expect.arrayContaining(['const dc = sumTo(df_2, [2, 1]);', 'const db = sumTo(df_1, [2]);']));
  });

  it('writes a scalar program with no helpers, and a tensor one with only the helpers it calls', () => {
    expect(code('f = x * y', 'javascript')).not.toMatch(/function |each\(/);
    const js = code('v = [1, 2]\nf = sum(v)', 'javascript');
    expect(js).toMatch(/function sum\(/);
    expect(js).not.toMatch(/function matmul|function softmax|const zeros/);
  });
});

describe('wire names', () => {
  it('turn automatic names into identifiers', () => {
    expect(identifierOf('f₁')).toBe('f_1');
    expect(identifierOf('loss₁₂')).toBe('loss_12');
  });

  it.each(['python', 'javascript'] as const)('are unique and never a %s keyword or a name the program uses', (language) => {
    const compiled = compileSource('lambda = 1; new = 2; np = 3; each = 4; f_1 = 5; df = 6\nf = (lambda + new) * np * each + f_1 * df');
    if (!compiled.ok) throw new Error(compiled.error.message);
    const { value, grad } = nameWires(compiled.circuit, RESERVED[language]);
    const names = [...value, ...grad].filter((n) => n !== '');
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => RESERVED[language].has(n))).toEqual([]);
    expect(names.every((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n))).toBe(true);
  });
});
