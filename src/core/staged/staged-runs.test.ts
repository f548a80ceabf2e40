import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileSource } from '../compile.ts';
import { evaluate } from '../evaluate.ts';
import { EXAMPLES } from '../examples.ts';
import { GATES } from '../gates.ts';
import { TENSOR_OPS } from '../tensor/ops.ts';
import lectureExamples from '../fixtures/lecture-examples.json';
import { randomFormulas } from './fixtures/random-formulas.ts';
import { SCALAR_CASES, type StagedCase } from './fixtures/scalar-cases.ts';
import { TENSOR_CASES } from './fixtures/tensor-cases.ts';
import { stagedCode, type StagedLanguage } from './staged-code.ts';

/** The lecture's worked examples with their numbers. */
const lecture = lectureExamples as unknown as readonly { id: string; source: string; grads: Record<string, number> }[];
const LANGUAGES: readonly StagedLanguage[] = ['python', 'javascript'];
const EXTENSION: Record<StagedLanguage, string> = { python: 'py', javascript: 'mjs' };
const fixture = (file: string) => fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url));

const examples = EXAMPLES.map((e) => ({ name: `example ${e.id}`, source: e.source }));
/** Two run as the files they are (`python3 file.py`, `node file.mjs`); the rest in one process per language, which is faster. */
const STANDALONE: readonly StagedCase[] = examples.filter((e) => e.name === 'example lecture-1' || e.name === 'example two-layer-net');
const BATCHED: readonly StagedCase[] = [
  ...examples.filter((e) => !STANDALONE.includes(e)),
  ...lecture.map((e) => ({ name: `lecture numbers ${e.id}`, source: e.source })),
  ...SCALAR_CASES, ...TENSOR_CASES, ...randomFormulas(120, 231),
];
const CASES = [...STANDALONE, ...BATCHED];

type Printed = { output: unknown; grads: Record<string, unknown> };
const printed = new Map<string, Printed | Error>();
let dir = '';

/** `npm test` installs Debian's python3-numpy where no Python has NumPy (.ci/ensure-numpy.sh); without it, fail, never skip. */
function pythonWithNumpy(): string {
  const found = ['python3', '/usr/bin/python3'].find((p) => spawnSync(p, ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0);
  if (!found) throw new Error('the staged-code tests run the Python programs: they need python3 with NumPy (run bash .ci/ensure-numpy.sh)');
  return found;
}

const run = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });

function record(file: string, text: string): void {
  try {
    const lines = text.trim().split('\n');
    printed.set(file, JSON.parse(lines[lines.length - 1] as string) as Printed);
  } catch (e) {
    printed.set(file, new Error(`${file}: could not read the last line as JSON: ${String(e)}\n${text.slice(-2000)}`));
  }
}

function runBatch(command: string, runner: string, files: string[]): void {
  const results = JSON.parse(run(command, [runner, ...files])) as Record<string, { last?: string; error?: string }>;
  for (const file of files) {
    const result = results[file];
    if (result?.last !== undefined) record(file, result.last);
    else printed.set(file, new Error(`${file} failed:\n${result?.error ?? 'no result'}`));
  }
}

const fileOf = (k: number, language: StagedLanguage) => join(dir, `case-${k}.${EXTENSION[language]}`);

beforeAll(() => {
  const python = pythonWithNumpy();
  dir = mkdtempSync(join(tmpdir(), 'staged-code-'));
  CASES.forEach((c, k) => LANGUAGES.forEach((language) => {
    const staged = stagedCode(c.source, language);
    if (staged.ok) writeFileSync(fileOf(k, language), staged.code);
  }));
  STANDALONE.forEach((_, k) => {
    record(fileOf(k, 'python'), run(python, [fileOf(k, 'python')]));
    record(fileOf(k, 'javascript'), run(process.execPath, [fileOf(k, 'javascript')]));
  });
  const batched = BATCHED.map((_, k) => k + STANDALONE.length);
  runBatch(python, fixture('run_programs.py'), batched.map((k) => fileOf(k, 'python')));
  runBatch(process.execPath, fixture('run-programs.mjs'), batched.map((k) => fileOf(k, 'javascript')));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Where `got` differs from `want`: NaN and ±∞ arrive as strings; numbers agree to 1e-12 relative, or 1e-12 absolute near 0. */
function differences(got: unknown, want: unknown, where: string): string[] {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return [`${where}: ${JSON.stringify(got)} has not the shape of ${JSON.stringify(want)}`];
    return want.flatMap((w, k) => differences(got[k], w, `${where}[${k}]`));
  }
  const w = want as number;
  if (!Number.isFinite(w)) {
    const spelled = Number.isNaN(w) ? 'NaN' : w > 0 ? 'Infinity' : '-Infinity';
    return got === spelled ? [] : [`${where}: ${JSON.stringify(got)}, expected "${spelled}"`];
  }
  if (typeof got !== 'number') return [`${where}: ${JSON.stringify(got)}, expected the number ${w}`];
  return Math.abs(got - w) <= 1e-12 * Math.max(1, Math.abs(got), Math.abs(w)) ? [] : [`${where}: ${got}, expected ${w}`];
}

describe.each(LANGUAGES)('the staged %s program, run, prints what evaluate computes', (language) => {
  it.each(CASES.map((c, k) => [c.name, k] as const))('%s', (_name, k) => {
    const c = CASES[k] as StagedCase;
    const want = evaluate(c.source);
    if (!want.ok) throw new Error(`${c.name} does not compile: ${want.error.message}`);
    const got = printed.get(fileOf(k, language));
    if (got === undefined || got instanceof Error) throw got ?? new Error('not run');
    expect(Object.keys(got.grads)).toEqual(want.inputs.map((i) => i.name));
    const wrong = [...differences(got.output, want.output.value, 'output'), ...want.inputs.flatMap((i) => differences(got.grads[i.name], i.grad, `d/d${i.name}`))];
    expect(wrong.slice(0, 10)).toEqual([]);
  });
});

describe('the programs above', () => {
  it('use every scalar gate on scalars and on tensors, and every tensor gate', () => {
    const used = { scalar: new Set<string>(), tensor: new Set<string>() };
    for (const c of CASES) {
      const compiled = compileSource(c.source);
      if (!compiled.ok) continue;
      const circuit = compiled.circuit;
      const onTensors = (n: (typeof circuit.nodes)[number]) => [n, ...n.args.map((a) => circuit.nodes[a] as typeof n)].some((m) => m.shape.length);
      for (const node of circuit.nodes) if (node.op) used[onTensors(node) ? 'tensor' : 'scalar'].add(node.op);
    }
    expect([...GATES.keys()].filter((op) => !used.scalar.has(op))).toEqual([]);
    expect([...GATES.keys(), ...TENSOR_OPS.keys()].filter((op) => !used.tensor.has(op))).toEqual([]);
  });

  it('print the lecture\'s numbers', () => {
    lecture.forEach((entry) => LANGUAGES.forEach((language) => {
      const got = printed.get(fileOf(CASES.findIndex((c) => c.name === `lecture numbers ${entry.id}`), language)) as Printed;
      const wrong = Object.entries(got.grads).flatMap(([name, grad]) => differences(grad, entry.grads[name], `${language} d/d${name}`));
      expect(wrong).toEqual([]);
    }));
  });
});
