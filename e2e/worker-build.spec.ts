import { expect, test, type Frame, type Page } from '@playwright/test';
import { formatFull } from '../src/core/index.ts';
import { statementChainSource } from '../src/bench/generate-sources.ts';
import { buildModel } from '../src/state/model.ts';
import { AppPage, pasteFormula } from './app-page.ts';
import { HostPage } from './host/host-page.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

/** 1,000,011 characters, 249,999 gates; and 25,000 statements, 686 KB, 50,000 gates: both inside the documented limits. */
const TANH_SUM = `x = 0.5\nf = ${'tanh(x)+'.repeat(124_999)}tanh(x)`;
const CHAIN = statementChainSource(50_000);

/**
 * Issue 11's target is 2 s from the paste to the overview on a quiet machine (`npm run bench -- app` measures it). The
 * tests run beside four other people's builds and browsers on two cores, where the same paste has taken 3.4 s; a bound
 * of 15 s still fails a build that is back on the page's thread or waits for a lost answer, without failing on load.
 */
const SHOWN_WITHIN_MS = 15_000;
/**
 * The target is no task over 200 ms (the build's slices take 25 ms; `npm run bench -- app` reports the longest task
 * against it: 84 ms for the chain). Here, beside four other people's runs on two cores (load 9), a 25 ms slice has been
 * seen as a 264 ms task, the page's thread waiting for a core; a compile or an unpack in one piece takes 0.6 to 3 s
 * there, so 400 ms still tells the two apart without failing on load.
 */
const LONGEST_TASK_MS = 400;

/** What the page shows for a source, computed here by the same model code on Node's main thread. */
function expected(source: string) {
  const built = buildModel(source, {});
  if (!built.ok) throw new Error(built.error.message);
  const { circuit, tape } = built.model;
  const x = circuit.inputs[0] as number;
  return { output: formatFull(tape.values[circuit.output] as number), grad: formatFull(tape.grads[x] as number), nodes: circuit.nodes.length };
}

const paste = pasteFormula;

/**
 * From now on, records every long task, when each paste keystroke was handled, and every text the building note and
 * the overview show, in order.
 */
async function watch(page: Page | Frame): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: { tasks: { start: number; ms: number; who: string }[]; pastes: number[]; notes: string[]; overviews: string[]; shownAt?: number } };
    w.seen = { tasks: [], pastes: [], notes: [], overviews: [] };
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.seen.tasks.push({ start: e.startTime, ms: e.duration, who: e.name }))).observe({ type: 'longtask' });
    window.addEventListener('keydown', (e) => { if (e.key === 'v') w.seen.pastes.push(performance.now()); }, true);
    new MutationObserver(() => {
      const note = document.querySelector('[data-testid="circuit.building"]')?.textContent;
      if (note && note !== w.seen.notes.at(-1)) w.seen.notes.push(note);
      const overview = document.querySelector('[data-testid="circuit.overview"] .overview-why')?.textContent;
      if (overview && overview !== w.seen.overviews.at(-1)) w.seen.overviews.push(overview);
      if (overview && w.seen.shownAt === undefined) w.seen.shownAt = performance.now();
    }).observe(document.body, { childList: true, subtree: true, characterData: true });
  });
}

type Seen = { tasks: { start: number; ms: number; who: string }[]; pastes: number[]; notes: string[]; overviews: string[]; shownAt?: number; buildStart?: number };
/** Waits two frames and a moment, so a long task that just ended has been reported. */
const seen = (page: Page | Frame) => page.evaluate(() => new Promise<Seen>((resolve) => {
  requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
    const s = (window as unknown as { seen: Seen }).seen;
    resolve({ ...s, buildStart: performance.getEntriesByName('circuit.build.start').at(-1)?.startTime });
  }, 100)));
}));

/**
 * The long tasks from the moment the build starts (the store marks it, after the typing pause) to the end: the build's,
 * the drawing of its overview and whatever else the page does meanwhile (the address bar's packing). Before it comes
 * the paste keystroke's own task, the editor's (under 100 ms since the editor is CodeMirror's; the textarea before it
 * took 0.5 s for the tanh sum and 2.5 s for the chain); it is logged, and its bound is the editor's tests' business.
 */
const fromTheBuild = (s: Seen) => s.tasks.filter((t) => t.start + t.ms > (s.buildStart as number));

test.describe('a big source is compiled in a worker, and the page never freezes', { tag: '@timing' }, () => {
  for (const [name, source, gates] of [['the 1,000,000-character tanh sum', TANH_SUM, '249,999'], ['a 25,000-statement chain', CHAIN, '50,000']] as const) {
    test(`${name}: the overview with the output and the input gradient, no long task of the build`, async ({ page }) => {
      test.setTimeout(120_000);
      const want = expected(source);
      const workers: string[] = [];
      page.on('worker', (w) => workers.push(w.url()));
      const app = new AppPage(page);
      await app.open();
      await watch(page);
      await paste(page, source);
      await expect(page.getByTestId('circuit.overview')).toBeVisible({ timeout: SHOWN_WITHIN_MS });
      const s = await seen(page);
      const shownAfter = (s.shownAt as number) - (s.pastes[0] as number);
      console.log(`${name}: overview ${shownAfter.toFixed(0)} ms after the paste; long tasks before the build ${s.tasks.filter((t) => !fromTheBuild(s).includes(t)).map((t) => t.ms.toFixed(0)).join(', ')} ms, from the build on ${fromTheBuild(s).map((t) => t.ms.toFixed(0)).join(', ')} ms`);
      expect(s.buildStart).toBeGreaterThan(s.pastes[0] as number);
      expect(shownAfter).toBeLessThan(SHOWN_WITHIN_MS);
      // Compiled in the worker the build emits, same-origin, under the page's CSP.
      expect(workers).toHaveLength(1);
      expect(workers[0]).toMatch(/\/assets\/compile\.worker-[\w-]+\.js$/);
      // The same numbers the model gives on Node's main thread, digit for digit.
      await expect(page.getByTestId('circuit.overview')).toContainText(`${gates} gates`);
      await expect(page.getByTestId('overview.output')).toHaveText(want.output);
      await expect(page.getByTestId('overview.input.x').locator('td.grad')).toHaveText(want.grad);
      await expect(page.getByTestId('overview.table')).toContainText(`Search all ${want.nodes.toLocaleString('en-US')} wires`);
      // The note said what was happening, as a polite status: compiling, then preparing, then it is gone.
      expect(s.notes.some((n) => /compiling/.test(n))).toBe(true);
      expect(s.notes.findIndex((n) => /preparing/.test(n))).toBeGreaterThan(s.notes.findIndex((n) => /compiling/.test(n)));
      await expect(page.getByTestId('circuit.building')).toHaveCount(0);
      expect(fromTheBuild(s).filter((t) => t.ms > LONGEST_TASK_MS)).toEqual([]);
      await page.screenshot({ path: `test-results/worker-build-${gates.replace(',', '')}.png` });
      expect(app.errors).toEqual([]);
    });
  }

  test('while the worker compiles, the circuit shown before still steps, and the note is a polite status', async ({ page }) => {
    test.setTimeout(60_000);
    const app = new AppPage(page);
    await app.open();
    await paste(page, TANH_SUM);
    const note = page.getByTestId('circuit.building');
    await expect(note).toContainText('compiling');
    await expect(note).toHaveAttribute('role', 'status');
    await note.screenshot({ path: 'test-results/worker-build-note.png' });
    const before = await app.step();
    await page.getByTestId('steps.next').click();
    await expect.poll(() => app.step()).toBe(before + 1);
    await expect(note).toContainText('compiling');
    await expect(page.getByTestId('circuit.overview')).toBeVisible({ timeout: SHOWN_WITHIN_MS });
    // The chain is read statement by statement: the note gives the share read, in tenths, then says it is preparing.
    await paste(page, CHAIN);
    await expect(page.getByTestId('circuit.building.done')).toHaveText(/^ [1-9]0\u00a0%$/, { timeout: SHOWN_WITHIN_MS });
    await expect(page.getByTestId('overview.output')).toHaveText(expected(CHAIN).output, { timeout: SHOWN_WITHIN_MS });
  });

  test('a newer edit during the build cancels the older one: only the newer source is ever shown', async ({ page }) => {
    test.setTimeout(120_000);
    const want = expected(CHAIN);
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    const app = new AppPage(page);
    await app.open();
    await watch(page);
    await paste(page, TANH_SUM);
    // Once the typing pause is over the store hands the tanh sum to the worker, which takes a second or more on it.
    await page.waitForFunction(() => performance.getEntriesByName('circuit.build.start').length > 0);
    await expect(page.getByTestId('circuit.building')).toContainText('compiling');
    // The chain replaces it mid-compile.
    await paste(page, CHAIN);
    await expect(page.getByTestId('circuit.overview')).toBeVisible({ timeout: SHOWN_WITHIN_MS });
    await expect(page.getByTestId('overview.output')).toHaveText(want.output);
    // Whatever the older build had done is dropped: a minute later it has still shown nothing.
    await page.waitForTimeout(3000);
    const s = await seen(page);
    expect(s.overviews.every((o) => o.startsWith('50,000 gates'))).toBe(true);
    expect(s.overviews.length).toBeGreaterThan(0);
    await expect(page.getByTestId('overview.output')).toHaveText(want.output);
    // The busy worker was stopped and a fresh one compiled the chain.
    expect(workers).toHaveLength(2);
    expect(app.errors).toEqual([]);
  });

  test('an error in a big source comes back from the worker positioned, to the editor, as on the page', async ({ page }) => {
    test.setTimeout(60_000);
    const broken = `${CHAIN}\nf = a25000 * (x + `;
    const built = buildModel(broken, {});
    if (built.ok) throw new Error('the source has an error');
    const app = new AppPage(page);
    await app.open();
    await paste(page, broken);
    await expect(page.getByTestId('editor.error-position')).toHaveText(`Line ${built.error.line}, column ${built.error.column}:`, { timeout: SHOWN_WITHIN_MS });
    await expect(page.getByTestId('editor.error')).toContainText(built.error.message);
    await expect(page.getByTestId('circuit.building')).toHaveCount(0);
    // The circuit shown before stays, marked as the last one that worked.
    await expect(page.getByTestId('circuit.stale')).toBeVisible();
    expect(app.errors).toEqual([]);
  });

  test('a host page\'s circuit:load of 100,000 characters is compiled in the worker: the frame is never held, the answer comes when it is built, and a step sent meanwhile after it', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    // 99,971 characters on one line, 24,991 gates: inside the 100,000 characters a host may send.
    const source = `x = 1\nf = x${' + 1'.repeat(24_990)}`;
    const want = expected(source);
    const host = new HostPage(page, `${new URL(baseURL as string).origin}/`);
    await host.open({ app: '?embed=1', width: 900, height: 700 });
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    await watch(host.appFrame());
    // Only the answers' types, output and step come back to the test: the host's copy of 25,000 wires stays there.
    const answers = await page.evaluate(async (s) => {
      const sent = performance.now();
      window.send({ type: 'circuit:load', id: 'load', source: s });
      window.send({ type: 'circuit:step', id: 'step', to: 'end' });
      const brief = (m: unknown) => {
        const r = m as { type: string; output?: { value: number | null; name: string }; step?: number; steps?: number; inputs?: { grad: number | null }[] } | null;
        return r && { type: r.type, output: r.output?.value, step: r.step, steps: r.steps, grad: r.inputs?.[0]?.grad, ms: performance.now() - sent };
      };
      const until = (id: string) => new Promise((resolve) => {
        const poll = () => {
          const got = window.received.find((m) => (m.data as { id?: unknown }).id === id);
          if (got) resolve(brief(got.data));
          else setTimeout(poll, 20);
        };
        poll();
      });
      return { load: await until('load'), step: await until('step') };
    }, source);
    const order = await page.evaluate(() => window.received.map((m) => (m.data as { id?: unknown }).id).filter((id) => id === 'load' || id === 'step'));
    const s = await seen(host.appFrame());
    // The frame shares its thread with the host here (both on localhost); a task's `name` says whose it was, and the
    // host's own (reading two answers of 25,000 wires each) are not the app's to keep short.
    console.log(`a host's 100,000-character load: answered after ${JSON.stringify(answers)}; long tasks from the build on ${fromTheBuild(s).map((t) => `${t.ms.toFixed(0)} ms (${t.who})`).join(', ')}`);
    expect(order).toEqual(['load', 'step']);
    expect(answers.load).toMatchObject({ type: 'circuit:state', step: 0 });
    expect(answers.step).toMatchObject({ type: 'circuit:state', output: Number(want.output), grad: Number(want.grad) });
    expect((answers.step as { step: number; steps: number }).step).toBe((answers.step as { steps: number }).steps);
    expect(workers).toEqual([expect.stringMatching(/\/assets\/compile\.worker-[\w-]+\.js$/)]);
    expect(s.buildStart).toBeGreaterThan(0);
    expect(fromTheBuild(s).filter((t) => t.who === 'self' && t.ms > LONGEST_TASK_MS)).toEqual([]);
    await expect(host.app.getByTestId('circuit.overview')).toBeVisible();
    await page.screenshot({ path: 'test-results/worker-build-host-load.png' });
  });

  test('in a sandboxed embed (an opaque origin, refused a worker from an address) a big edit is compiled in a worker made from a blob', async ({ page, baseURL }) => {
    test.setTimeout(120_000);
    // 112,000 characters, 8,200 gates: deferred like any source over 100,000 characters, too big to draw.
    const source = statementChainSource(8200);
    const want = expected(source);
    const host = new HostPage(page, `${new URL(baseURL as string).origin}/`);
    await host.open({ sandbox: 'allow-scripts', app: '?embed=1&editor=1&inputs=1', width: 900, height: 700 });
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // A paste, as in the app; the frame may not read the clipboard, so the paste event carries the text itself.
    await watch(host.appFrame());
    const editor = host.app.getByTestId('editor.input');
    await editor.focus();
    await page.keyboard.press('Control+a');
    await editor.evaluate((el, text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, source);
    await expect(host.app.getByTestId('circuit.overview')).toBeVisible({ timeout: SHOWN_WITHIN_MS });
    await expect(host.app.getByTestId('overview.output')).toHaveText(want.output);
    await expect(host.app.getByTestId('overview.input.x').locator('td.grad')).toHaveText(want.grad);
    await expect(host.app.getByTestId('circuit.building')).toHaveCount(0);
    // The opaque origin may start a worker only from a blob it made, of the worker's text loaded as a classic script.
    expect(workers).toEqual([expect.stringMatching(/^blob:null\//)]);
    const s = await seen(host.appFrame());
    console.log(`the sandboxed embed: long tasks from the build on ${fromTheBuild(s).map((t) => t.ms.toFixed(0)).join(', ')} ms`);
    expect(s.buildStart).toBeGreaterThan(0);
    expect(fromTheBuild(s).filter((t) => t.ms > LONGEST_TASK_MS)).toEqual([]);
    await page.screenshot({ path: 'test-results/worker-build-sandboxed.png' });
    expect(errors).toEqual([]);
  });
});
