import type { Page } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { withBuiltApp } from './built-app.ts';
import { compileSource, stagedCode } from '../core/index.ts';
import { circuitTikz } from '../render/tikz.ts';
import { finalTikzLabels } from '../render/tikz-labels.ts';
import { buildScene } from '../render/scene.ts';
import { networkShapeFor, networkSource } from './generate-sources.ts';

const PORT = 4393;
const GATES = 1000;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;
function timed(run: () => unknown): number {
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

interface PictureFigures { ms: number; longestTask: number; size: string }

/** Clicks `act` in the export dialog and waits for the preview: wall time, and the longest main-thread task meanwhile. */
async function picture(page: Page, act: () => Promise<unknown>): Promise<PictureFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { benchTasks: number[] };
    w.benchTasks = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchTasks.push(e.duration))).observe({ type: 'longtask' });
  });
  const start = Date.now();
  await act();
  await page.getByTestId('export.preview').waitFor({ state: 'visible', timeout: 120_000 });
  const ms = Date.now() - start;
  const longestTask = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() =>
    resolve(Math.max(0, ...(window as unknown as { benchTasks: number[] }).benchTasks))))));
  return { ms, longestTask, size: (await page.getByTestId('export.size').textContent()) ?? '' };
}

/** Issue 10: the export times at about 1,000 gates, in Node (code, TikZ) and in the app in the browser (SVG, PNG). */
export async function runExportBench(): Promise<string> {
  const source = networkSource(networkShapeFor(GATES));
  const compiled = compileSource(source);
  if (!compiled.ok) throw new Error(compiled.error.message);
  const circuit = compiled.circuit;
  const scene = buildScene(circuit);
  const node = {
    python: timed(() => stagedCode(source, 'python')),
    javascript: timed(() => stagedCode(source, 'javascript')),
    tikz: timed(() => circuitTikz(circuit, finalTikzLabels(circuit), scene)),
    layout: timed(() => buildScene(circuit)),
  };

  return withBuiltApp(PORT, async (browser) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`http://localhost:${PORT}/index.html`);
    await page.getByTestId('editor.input').fill(source);
    await page.getByTestId('circuit.svg').and(page.locator(`[data-nodes="${circuit.nodes.length}"]`)).waitFor({ timeout: 60_000 });
    await page.keyboard.press('End');
    await page.getByTestId('export.open').click();
    const svg = await picture(page, () => page.getByTestId('export.svg').click());
    const png2 = await picture(page, () => page.getByTestId('export.png').click());
    const png1 = await picture(page, () => page.getByTestId('export.scale').selectOption('1'));
    const f = (v: number) => v.toFixed(0).padStart(8);
    return [
      `Exports at about ${GATES} gates (a generated tanh network, ${circuit.nodes.length} nodes, at the end of the backward pass)`,
      `in Node (median of ${RUNS}): staged Python ${node.python.toFixed(0)} ms, JavaScript ${node.javascript.toFixed(0)} ms, TikZ ${node.tikz.toFixed(0)} ms from the layout on screen (the layout alone: ${node.layout.toFixed(0)} ms)`,
      'in the app (headless Chromium, 1280×800)   wall ms  longest task ms  size',
      ...([['SVG', svg], ['PNG 2×', png2], ['PNG 1×', png1]] as const).map(([name, r]) => `${name.padEnd(40)}${f(r.ms)} ${f(r.longestTask).padStart(16)}  ${r.size}`),
    ].join('\n');
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await runExportBench());
}
