import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import type { BrowserFigures } from './browser/bench-page.ts';
import { launchChromium } from './built-app.ts';

const root = fileURLToPath(new URL('./browser/', import.meta.url));
const outDir = fileURLToPath(new URL('../../bench-results/browser-build/', import.meta.url));
const SIZES = [10, 100, 1000, 5000];
const PORT = 4391;

/** Builds the bench page, opens it in headless Chromium and measures drawing, stepping and value changes. */
export async function runBrowserBench(): Promise<string> {
  await build({ root, base: './', logLevel: 'warn', build: { outDir, emptyOutDir: true }, configFile: false });
  const server = await preview({ root, base: './', configFile: false, build: { outDir }, preview: { port: PORT, strictPort: true }, logLevel: 'warn' });
  const browser = await launchChromium();
  try {
    const rows: BrowserFigures[] = [];
    for (const gates of SIZES) {
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('console', (m) => process.env.BENCH_VERBOSE && console.log(m.text()));
      await page.goto(`http://localhost:${PORT}/index.html`);
      await page.waitForFunction(() => typeof window.runBench === 'function');
      rows.push(await page.evaluate((n) => window.runBench(n), gates));
      await page.close();
    }
    const f = (v: number) => v.toFixed(1).padStart(8);
    const lines = [
      'Browser (headless Chromium, this machine): drawing, stepping and value changes',
      '   gates   nodes compile  layout crossings formula→drawn  step(js) step+frame value→drawn  pan frame',
      ...rows.map((r) => `${String(r.gates).padStart(8)}${String(r.nodes).padStart(8)}${f(r.compileMs)}${f(r.layoutMs)}${String(r.crossings).padStart(10)}${f(r.formulaToDrawnMs).padStart(14)}${f(r.stepMs).padStart(10)}${f(r.stepFrameMs).padStart(11)}${f(r.valueChangeMs).padStart(12)}${f(r.panFrameMs).padStart(11)}`),
      'targets: layout+drawing ≤ 100 ms at 100 gates, ≤ 500 ms at 1000, ≤ 3000 ms at 5000; one step ≤ 16.7 ms and one value change ≤ 33 ms at 1000 gates (all ms)',
    ];
    return lines.join('\n');
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  console.log(await runBrowserBench());
}
