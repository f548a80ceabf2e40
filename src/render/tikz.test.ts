import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSource, createEngine, EXAMPLES, FIRST_EXAMPLE, Schedule, snapshotAt, wireName, type Circuit } from '../core/index.ts';
import { wireLabels } from './labels.ts';
import { circuitTikz } from './tikz.ts';
import { latexText } from './tikz-escape.ts';
import { finalTikzLabels } from './tikz-labels.ts';

function circuitOf(source: string, expandSigmoid = false): Circuit {
  const compiled = compileSource(source, { expandSigmoid });
  if (!compiled.ok) throw new Error(compiled.error.message);
  return compiled.circuit;
}

/** Braces balance (escaped ones aside), math shifts pair up, and the picture opens and closes once. */
function structureProblems(tex: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  const unescaped = tex.replace(/\\[{}$%#&_]/g, '');
  for (const ch of unescaped) {
    if (ch === '{') depth++;
    if (ch === '}' && --depth < 0) problems.push('a } closes nothing');
  }
  if (depth !== 0) problems.push(`${depth} braces left open`);
  for (const line of unescaped.split('\n').filter((l) => !l.startsWith('%'))) {
    if ((line.match(/\$/g) ?? []).length % 2) problems.push(`unpaired $ in ${line}`);
    if (/[^\x20-\x7e]/.test(line)) problems.push(`a character pdflatex cannot read in ${line}`);
  }
  if ((tex.match(/\\begin\{tikzpicture\}/g) ?? []).length !== 1 || !tex.trimEnd().endsWith('\\end{tikzpicture}')) problems.push('not one tikzpicture');
  return problems;
}

const namedNodes = (tex: string) => [...tex.matchAll(/\\node\[(?:gate|box|terminal)[^\]]*\] \(n(\d+)\) at \(-?\d+\.\d\d, -?\d+\.\d\d\)/g)].map((m) => Number(m[1]));

describe('circuitTikz', () => {
  it('draws the lecture\'s first example as the golden picture, with its final values and gradients', async () => {
    const circuit = circuitOf(FIRST_EXAMPLE.source);
    await expect(circuitTikz(circuit, finalTikzLabels(circuit))).toMatchFileSnapshot('./fixtures/tikz-lecture-1.tex');
  });

  const cases = [
    ...EXAMPLES.map((e) => [e.id, circuitOf(e.source)] as const),
    ['lecture-2-sigmoid expanded', circuitOf(EXAMPLES[2]?.source ?? '', true)] as const,
    ['odd names', circuitOf('my_var = 2; dollar = 3\n100 * (my_var + dollar) ^ 2')] as const,
  ];
  it.each(cases)('writes %s as one well-formed picture with one node per circuit node', (_name, circuit) => {
    const tex = circuitTikz(circuit, finalTikzLabels(circuit));
    expect(structureProblems(tex)).toEqual([]);
    expect(namedNodes(tex)).toEqual(circuit.nodes.map((_, i) => i));
    expect((tex.match(/\\draw\[/g) ?? []).length).toBe(circuit.nodes.length + circuit.nodes.reduce((n, node) => n + node.args.length, 0));
  });

  it('draws only the labels it is given, at the step they were taken', () => {
    const circuit = circuitOf(FIRST_EXAMPLE.source);
    expect(circuitTikz(circuit)).not.toMatch(/\\node\[(value|grad)\]/);
    const tex = circuitTikz(circuit, { value: ['-2.00', '5.00', '-4.00', '3.00', ''], grad: [] });
    expect((tex.match(/\\node\[value\]/g) ?? []).length).toBe(4);
    expect(tex).not.toMatch(/\\node\[grad\]/);
  });

  /** The labels wireLabels gives at a step, as the app shows them. */
  const labelsAt = (circuit: Circuit, step: (schedule: Schedule) => number) => {
    const engine = createEngine(circuit);
    const schedule = new Schedule(circuit);
    return wireLabels(engine, snapshotAt(engine, schedule, step(schedule)), circuit.nodes.map(wireName));
  };

  it('draws the numbers of a step as wireLabels gives them, and no tensor fingerprints', () => {
    const lecture = circuitOf(FIRST_EXAMPLE.source);
    const afterFirstGate = circuitTikz(lecture, labelsAt(lecture, () => 1));
    expect(afterFirstGate).toMatch(/\\node\[value\] at \([\d.]+, -1\.50\) \{3\.00\}/);
    expect(afterFirstGate).not.toMatch(/\$-\$12\.00|\\node\[grad\]/);
    for (const circuit of [lecture, circuitOf(EXAMPLES[4]?.source ?? '')]) {
      const atSeed = circuitTikz(circuit, labelsAt(circuit, (s) => s.seedStep));
      expect((atSeed.match(/\\node\[grad\]/g) ?? []).length).toBe(1);
      expect(atSeed).not.toMatch(/\\#\d+:/);
    }
  });

  it.skipIf(spawnSync('sh', ['-c', 'command -v pdflatex']).status !== 0)('compiles with pdflatex (only where pdflatex is installed; the structure is checked above)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tikz-'));
    try {
      const circuit = circuitOf(EXAMPLES[6]?.source ?? '');
      const doc = `\\documentclass[tikz]{standalone}\n\\begin{document}\n${circuitTikz(circuit, finalTikzLabels(circuit))}\\end{document}\n`;
      writeFileSync(join(dir, 'circuit.tex'), doc);
      const run = spawnSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'circuit.tex'], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
      expect(run.status, run.stdout.slice(-3000)).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 130_000);
});

describe('latexText', () => {
  it.each([
    ['my_var', 'my\\_var'], ['f₁₂', 'f$_{12}$'], ['σ', '$\\sigma$'], ['-12.00', '$-$12.00'], ['x-y', 'x-y'],
    ['^2', '\\textasciicircum{}2'], ['100% & #1 {a} $', '100\\% \\& \\#1 \\{a\\} \\$'], ['-∞', '$-\\infty$'], ['ᵀ', '$^{\\top}$'],
    ['a\\b', 'a\\textbackslash{}b'], ['$-1', '\\$$-$1'], ['日本', '??'],
  ])('writes %j as %j', (text, tex) => {
    expect(latexText(text)).toBe(tex);
  });
});
