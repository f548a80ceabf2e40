import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Frame, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { mixedCircuitSource } from '../src/bench/circuit-source.ts';
import { HOST_ORIGIN, HostPage, lectureExamples } from './host/host-page.ts';

// Course authors embed the circuit at any size: every panel asked for in a 320×240 box, a 720×420 frame with
// nothing cut off, a frame that sizes itself from circuit:resize, a read-only figure, and a student's phone.

/** Gitignored; `SCREENSHOTS=dir` puts them elsewhere (a run of the whole suite empties test-results/). */
const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots';
const examples = lectureExamples();
const lecture1 = examples.find((e) => e.id === 'lecture-1')!;
const lecture2 = examples.find((e) => e.id === 'lecture-2')!;
const ALL_PANELS = '?embed=1&editor=1&inputs=1&explain=1';
/** Six inputs in three pairs: a circuit taller than the lecture's first, and no wider. */
const TALLER = 'a = 1; b = 2; c = 3; d = 4; h = 5; g = 6\nf = a * b + c * d + h * g';

let host: HostPage;

test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

test.beforeEach(async ({ page, baseURL }) => {
  host = new HostPage(page, `${new URL(baseURL!).origin}/`);
});

test.afterEach(() => {
  expect(host.problems, 'console errors, uncaught exceptions or dialogs').toEqual([]);
});

type Box = { left: number; top: number; right: number; bottom: number };

/** What a reader of the frame can see: every shown control, panel and gate, with its box and text. */
async function visibleParts(frame: Frame) {
  return frame.evaluate(() => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility === 'visible';
    };
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    // Inside a box that scrolls, a part is reached by scrolling: the outermost such box is what must fit.
    const scroller = (el: Element) => {
      let outer: Element | null = null;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const style = getComputedStyle(a);
        if (/(auto|scroll)/.test(style.overflowY + style.overflowX)) outer = a;
      }
      return outer;
    };
    const selector = 'button, a, input, select, textarea, [role="tab"], .panel, .legend, [data-testid="steps.progress"], [data-testid="embed.error"]';
    const parts = [...new Set([...document.querySelectorAll(selector)].filter(shown).map((el) => scroller(el) ?? el))].map((el) => ({
      what: el.getAttribute('data-testid') ?? el.getAttribute('aria-label') ?? `${el.tagName.toLowerCase()}.${el.className}`,
      text: (el.textContent ?? '').trim().slice(0, 40),
      box: box(el),
    }));
    const svg = document.querySelector('[data-testid="circuit.svg"]');
    const gates = [...document.querySelectorAll('[data-testid="circuit.svg"] g.node')].map(box);
    return { width: innerWidth, height: innerHeight, parts, circuit: svg && shown(svg) ? box(svg) : null, gates };
  });
}

const inside = (b: Box, o: Box, slack = 1) => b.left >= o.left - slack && b.top >= o.top - slack && b.right <= o.right + slack && b.bottom <= o.bottom + slack;

/** Nothing shown is cut by the frame's edge, and every gate lies inside the circuit's box. */
async function expectNothingCutOff(frame: Frame, label: string) {
  const seen = await visibleParts(frame);
  const frameBox = { left: 0, top: 0, right: seen.width, bottom: seen.height };
  const cut = seen.parts.filter((p) => !inside(p.box, frameBox)).map((p) => `${p.what} ${JSON.stringify(p.box)}`);
  expect(cut, `${label}: parts cut by the frame's edge`).toEqual([]);
  expect(seen.circuit, `${label}: the circuit is shown`).not.toBeNull();
  const circuit = seen.circuit!;
  expect(circuit.right - circuit.left, `${label}: circuit width`).toBeGreaterThan(150);
  expect(circuit.bottom - circuit.top, `${label}: circuit height`).toBeGreaterThan(100);
  expect(seen.gates.length).toBeGreaterThan(0);
  expect(seen.gates.filter((g) => !inside(g, circuit)), `${label}: gates outside the circuit's box`).toEqual([]);
  return seen;
}

/** The step bar's controls, the step count and the "Full app" link share one row, inside the frame. */
async function expectBarOnOneRow(frame: Frame, label: string) {
  const rows = await frame.evaluate(() => {
    const bar = document.querySelector('[data-testid="embed.bar"]')!.getBoundingClientRect();
    const parts = [...document.querySelectorAll('[data-testid="embed.bar"] :is(button, select, .phase-name, .step-count, .scrubber, [data-testid="embed.open-full"])')]
      .filter((el) => el.getBoundingClientRect().width > 0)
      .map((el) => ({ name: el.getAttribute('data-testid') ?? el.className, ...el.getBoundingClientRect().toJSON() as DOMRect }));
    return { bar: bar.toJSON() as DOMRect, parts, width: innerWidth };
  });
  expect(rows.parts.length, label).toBeGreaterThanOrEqual(7);
  const tops = rows.parts.map((p) => p.top + p.height / 2);
  expect(Math.max(...tops) - Math.min(...tops), `${label}: the bar's parts sit on one row`).toBeLessThan(8);
  expect(rows.bar.height, `${label}: the bar is one row high`).toBeLessThan(1.5 * Math.max(...rows.parts.map((p) => p.height)));
  for (const p of rows.parts) expect(p.right, `${label}: ${p.name} inside the frame`).toBeLessThanOrEqual(rows.width + 0.5);
  // The parts do not overlap one another.
  const sorted = [...rows.parts].sort((a, b) => a.left - b.left);
  for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.left, `${label}: ${sorted[i]!.name} overlaps ${sorted[i - 1]!.name}`).toBeGreaterThanOrEqual(sorted[i - 1]!.right - 0.5);
}

async function shoot(page: Page, name: string) {
  await page.waitForTimeout(350); // transitions settle
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

const src = (source: string) => `&f=${encodeURIComponent(source)}`;

test.describe('an embed with every panel', () => {
  test('at 320×240 the circuit comes first and the panels are tabs under the step bar', async () => {
    await host.open({ app: ALL_PANELS, width: 320, height: 240 });
    const app = host.app;
    await expect(app.getByTestId('embed')).toHaveAttribute('data-layout', 'tabs');
    await expect(app.getByRole('tab')).toHaveText(['Circuit', 'Formula', 'Inputs', 'Explain']);
    await expect(app.getByRole('tab', { name: 'Circuit' })).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByTestId('embed.open-full')).toContainText('Full app');
    await expectBarOnOneRow(host.appFrame(), '320×240');
    await expectNothingCutOff(host.appFrame(), '320×240, circuit tab');
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
    await shoot(host.page, 'embed-320x240-circuit');

    // Each panel in turn takes the circuit's place, whole and inside the frame; the step bar stays.
    await app.getByRole('tab', { name: 'Formula' }).click();
    await expect(app.getByTestId('editor.input')).toBeVisible();
    await expect(app.getByTestId('circuit.svg')).toBeHidden();
    await shoot(host.page, 'embed-320x240-formula');
    await app.getByRole('tab', { name: 'Inputs' }).click();
    for (const name of ['x', 'y', 'z']) await expect(app.getByTestId(`inputs.value.${name}`)).toBeInViewport({ ratio: 1 });
    await app.getByTestId('inputs.value.x').fill('1');
    await app.getByTestId('inputs.value.x').press('Enter');
    await shoot(host.page, 'embed-320x240-inputs');
    await app.getByRole('tab', { name: 'Explain' }).click();
    await app.getByTestId('steps.next').click();
    await expect(app.getByTestId('explain')).toBeInViewport();
    await expect(app.getByTestId('explain.title')).toBeVisible();
    await shoot(host.page, 'embed-320x240-explain');
    // Back on the circuit: the edit and the step show there.
    await app.getByRole('tab', { name: 'Circuit' }).click();
    await expect(app.locator('[data-testid="circuit.svg"] text.value[data-id="q"]')).toHaveAttribute('data-value', '6.00');
    await expectNothingCutOff(host.appFrame(), '320×240, back on the circuit');
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
  });

  test('at 720×420 the panels sit beside and below the circuit, and nothing is cut off', async () => {
    await host.open({ app: ALL_PANELS, width: 720, height: 420 });
    const app = host.app;
    await expect(app.getByTestId('embed')).toHaveAttribute('data-layout', 'side');
    await expect(app.getByRole('tab')).toHaveCount(0);
    await expect(app.locator('.editor-box')).toBeInViewport({ ratio: 1 });
    for (const id of ['inputs.value.z', 'inputs.slider.z', 'explain', 'zoom.fit', 'embed.open-full']) await expect(app.getByTestId(id)).toBeInViewport({ ratio: 1 });
    await expectNothingCutOff(host.appFrame(), '720×420');
    await expectBarOnOneRow(host.appFrame(), '720×420');
    // The side column holds the formula and the inputs whole: nothing in it needs scrolling, either way.
    const side = await host.appFrame().evaluate(() => {
      const el = document.querySelector('[data-testid="embed.side"]')!;
      return { height: el.scrollHeight - el.clientHeight, width: el.scrollWidth - el.clientWidth };
    });
    expect(side, 'the side column fits').toEqual({ height: 0, width: 0 });
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
    await shoot(host.page, 'embed-720x420-start');

    // A backward step's explanation is longer; the circuit keeps its size and the explanation scrolls in its place.
    const circuitBefore = await app.getByTestId('circuit.svg').boundingBox();
    await app.getByTestId('steps.end').click();
    await app.getByTestId('steps.prev').click();
    await expect(app.getByTestId('explain')).toContainText('Backward');
    expect(await app.getByTestId('circuit.svg').boundingBox()).toEqual(circuitBefore);
    await expectNothingCutOff(host.appFrame(), '720×420, backward step');
    const pane = await host.appFrame().evaluate(() => getComputedStyle(document.querySelector('[data-testid="embed.pane.explain"]')!).overflowY);
    expect(pane).toBe('auto');
    await shoot(host.page, 'embed-720x420-backward');
  });

  test('the step bar fits on one row from 480 px, and the "Full app" link keeps its words', async () => {
    await host.open({ app: `?embed=1${src(lecture2.source)}&step=12`, width: 480, height: 300 });
    for (const [width, height] of [[480, 300], [560, 320], [600, 380], [640, 400], [720, 420], [320, 240]] as const) {
      await host.page.evaluate(([w, h]) => window.resizeApp(w, h), [width, height] as const);
      await expect.poll(() => host.appFrame().evaluate(() => innerWidth)).toBe(width);
      await expectBarOnOneRow(host.appFrame(), `${width}×${height}`);
      await expect(host.app.getByTestId('embed.open-full')).toContainText('Full app');
    }
    await host.page.evaluate(() => window.resizeApp(480, 300));
    await expect.poll(() => host.appFrame().evaluate(() => innerWidth)).toBe(480);
    await shoot(host.page, 'embed-480x300-bar');
  });
});

test.describe('a circuit wider than a small embed', () => {
  test('at 320×240 the σ neuron is fitted whole, its gate symbols and current numbers readable, with a way to read the rest', async () => {
    await host.open({ app: `?embed=1${src(lecture2.source)}&step=6`, width: 320, height: 240 });
    const app = host.app;
    const svg = app.getByTestId('circuit.svg');
    await expect(svg).toHaveAttribute('data-follow', '0');
    await expect(svg).toHaveClass(/labels-hidden/);
    await shoot(host.page, 'embed-320x240-wide-fitted');
    const sizes = await host.appFrame().evaluate(() => {
      const height = (el: Element | null) => (el ? el.getBoundingClientRect().height : 0);
      const svg = document.querySelector('[data-testid="circuit.svg"]')!;
      const gates = [...svg.querySelectorAll('g.node.gate text.gate-label')].map(height);
      const current = svg.querySelector('text.value.current');
      const others = [...svg.querySelectorAll('text.value:not(.current)')].filter((t) => getComputedStyle(t).display !== 'none' && t.textContent);
      const nodes = [...svg.querySelectorAll('g.node')].map((g) => g.getBoundingClientRect());
      const box = svg.getBoundingClientRect();
      return { gates, current: height(current), currentText: current?.textContent ?? '', others: others.length, inside: nodes.every((r) => r.left >= box.left - 1 && r.right <= box.right + 1) };
    });
    expect(sizes.inside, 'the whole circuit is in the frame').toBe(true);
    expect(Math.min(...sizes.gates), 'every gate symbol is at least 8 px high').toBeGreaterThanOrEqual(8);
    expect(sizes.current, 'the current gate’s value is at least 11 px high').toBeGreaterThanOrEqual(11);
    expect(sizes.currentText).toMatch(/\d/);
    expect(sizes.others, 'the other numbers are hidden, not drawn unreadably small').toBe(0);
    // The legend has no room here; a small button says how to read the numbers, and follows the current gate.
    await app.getByTestId('zoom.hint').click();
    await expect(svg).toHaveAttribute('data-follow', '1');
    await expect(svg).not.toHaveClass(/labels-hidden/);
    await shoot(host.page, 'embed-320x240-wide-following');
    // The same button, now "Show all", brings the whole circuit back (the zoom buttons have no room here either).
    await expect(app.getByTestId('zoom.hint')).toHaveText('Show all');
    await app.getByTestId('zoom.hint').click();
    await expect(svg).toHaveAttribute('data-follow', '0');
    await expect(svg).toHaveClass(/labels-hidden/);
  });

  test('a circuit that would be drawn tinier still (the 2-layer net as scalars) follows the current gate from the start', async () => {
    const net = (await import('../src/core/examples.ts')).EXAMPLES.find((e) => e.id === 'two-layer-net')!;
    await host.open({ app: `?embed=1&scalars=1${src(net.source)}&step=6`, width: 320, height: 240 });
    await expect(host.app.getByTestId('circuit.svg')).toHaveAttribute('data-follow', '1');
    await shoot(host.page, 'embed-320x240-net-following');
  });
});

test.describe('an embed whose formula does not compile', () => {
  test('shows the error where the circuit would be, not an empty canvas', async () => {
    await host.open({ app: `?embed=1${src('x = 2\nf = (x +')}`, width: 320, height: 240 });
    const error = host.app.getByTestId('embed.error');
    await expect(error).toBeInViewport({ ratio: 1 });
    await expect(error).toContainText('no circuit to show');
    await expect(error).toContainText('Line 2, column 9:');
    await expect(host.app.getByTestId('embed.open-full')).toBeInViewport({ ratio: 1 });
    await shoot(host.page, 'embed-error-320x240');
  });

  test('with the editor asked for, the error leads to the formula tab', async () => {
    await host.open({ app: `${ALL_PANELS}${src('x = 2\nf = (x +')}`, width: 320, height: 240 });
    const app = host.app;
    await expect(app.getByTestId('embed.error')).toBeInViewport({ ratio: 1 });
    await expect(app.getByRole('tab', { name: /Formula/ })).toContainText('⚠');
    await app.getByTestId('embed.edit-formula').click();
    await expect(app.getByRole('tab', { name: /Formula/ })).toHaveAttribute('aria-selected', 'true');
    await expect(app.getByTestId('editor.error')).toBeInViewport();
    await shoot(host.page, 'embed-error-320x240-formula');
    // Fixed, the circuit appears.
    await app.getByTestId('editor.input').fill('x = 2\nf = (x + 1) * x');
    await app.getByRole('tab', { name: 'Circuit' }).click();
    await expect(app.getByTestId('embed.error')).toHaveCount(0);
    await expectNothingCutOff(host.appFrame(), 'fixed formula');
  });

  test('at 720×420 too, the message fills the circuit\'s place', async () => {
    await host.open({ app: `?embed=1&inputs=1&explain=1${src('f = 2 $ 3')}`, width: 720, height: 420 });
    await expect(host.app.getByTestId('embed.error')).toBeInViewport({ ratio: 1 });
    await expect(host.app.getByTestId('embed.error')).toContainText('Line 1, column 7:');
    // No circuit ever worked here, so nothing claims to show the last one that did; no empty panels either.
    await expect(host.app.getByTestId('circuit.stale')).toBeHidden();
    await expect(host.app.getByTestId('embed.pane.inputs')).toHaveCount(0);
    await expect(host.app.getByTestId('embed.pane.explain')).toHaveCount(0);
    await shoot(host.page, 'embed-error-720x420');
  });
});

test.describe('circuit:resize tells the host the content size', () => {
  test('after the host speaks, with a sensible height, and again when the content grows', async () => {
    await host.open({ app: `?embed=1&explain=1${src(lecture1.source)}`, width: 720, height: 420 });
    await host.page.waitForTimeout(300);
    expect(await host.resizes(), 'nothing goes to a host that has not spoken').toEqual([]);
    await host.state();
    await expect.poll(async () => (await host.resizes()).length).toBe(1);
    const [first] = await host.resizes();
    expect(first!.origin).toBe(new URL(host.appBase).origin);
    expect(first!.width).toBe(720);
    // The step bar, the lecture's circuit at its own size and the explanation: more than the bar, less than a screen.
    expect(first!.height).toBeGreaterThanOrEqual(380);
    expect(first!.height).toBeLessThan(700);

    // A taller circuit: a taller frame is asked for.
    await host.request({ type: 'circuit:load', id: 'longer', source: TALLER });
    await expect.poll(async () => (await host.resizes()).length).toBe(2);
    const second = (await host.resizes())[1]!;
    expect(second.height).toBeGreaterThan(first!.height);
    // Stepping changes nothing in the size: no message.
    await host.request({ type: 'circuit:step', id: 'end', to: 'end' });
    await host.page.waitForTimeout(400);
    expect(await host.resizes()).toHaveLength(2);
  });

  test('a host that obeys it gets a frame that fits, and no loop starts', async () => {
    await host.open({ app: `?embed=1&editor=1&inputs=1&explain=1&origin=${encodeURIComponent(HOST_ORIGIN)}${src(lecture1.source)}`, width: 720, height: 300, autosize: true });
    // Pinned to this host, the size comes without a request.
    await expect.poll(async () => (await host.resizes()).length).toBeGreaterThan(0);
    await host.page.waitForTimeout(600);
    const settled = await host.resizes();
    expect(settled.length, 'a few messages at most while the frame settles').toBeLessThanOrEqual(3);
    const last = settled.at(-1)!;
    expect((await host.frameBox()).height).toBeCloseTo(last.height + 2, 0); // the iframe's 1 px border on each side
    await expect(host.app.getByTestId('embed')).toHaveAttribute('data-layout', 'side');
    await expectNothingCutOff(host.appFrame(), 'autosized');
    // The circuit is drawn at its own size, or nearly (the side column leaves it a little less than its width).
    const gate = await host.app.locator('[data-testid="circuit.svg"] g.node:not(.terminal) .shape').first().boundingBox();
    expect(gate!.width).toBeGreaterThan(34);
    expect(gate!.width).toBeLessThan(44);
    await shoot(host.page, 'embed-autosized-720');

    // A longer formula typed in: the editor grows past the circuit's height, and so does the frame.
    const notes = Array.from({ length: 10 }, (_, i) => `# note ${i + 1} for the class`).join('\n');
    await host.app.getByTestId('editor.input').fill(`${lecture1.source}\n${notes}`);
    await expect.poll(async () => (await host.resizes()).length).toBeGreaterThan(settled.length);
    await host.page.waitForTimeout(600);
    const grown = (await host.resizes()).at(-1)!;
    expect(grown.height).toBeGreaterThan(last.height);
    const count = (await host.resizes()).length;
    await host.page.waitForTimeout(500);
    expect(await host.resizes(), 'still no loop').toHaveLength(count);
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
  });

  test('a 400-gate formula loaded into a frame that obeys: one size for it, and no loop of a pixel up and down', async () => {
    await host.open({ app: `?embed=1&editor=1&origin=${encodeURIComponent(HOST_ORIGIN)}${src(lecture1.source)}`, width: 900, height: 500, autosize: true });
    await expect.poll(async () => (await host.resizes()).length).toBeGreaterThan(0);
    await host.page.waitForTimeout(600);
    const before = (await host.resizes()).length;
    // 400 lines in the editor: its height, estimated by CodeMirror for the lines out of view, moved by a pixel with
    // each resize the host made, and each move was a resize again (8,785, 8,786, 8,785 px… for as long as it ran).
    const reply = await host.request({ type: 'circuit:load', id: 'big', source: mixedCircuitSource(400) }, 30_000);
    expect(reply?.type).toBe('circuit:state');
    await expect.poll(async () => (await host.resizes()).length).toBeGreaterThan(before);
    await host.page.waitForTimeout(1500);
    const after = (await host.resizes()).slice(before);
    expect(after.length, JSON.stringify(after)).toBeLessThanOrEqual(2);
    expect(after.at(-1)!.height).toBeGreaterThan(5000);
  });

  test('in a narrow frame the tabs share one height, so switching tabs never resizes the frame', async () => {
    await host.open({ app: `${ALL_PANELS}${src(lecture1.source)}`, width: 360, height: 300, autosize: true });
    await host.state();
    await expect.poll(async () => (await host.resizes()).length).toBeGreaterThan(0);
    await host.page.waitForTimeout(500);
    const before = await host.resizes();
    const last = before.at(-1)!;
    expect(last.width).toBe(360);
    expect(last.height).toBeGreaterThan(200);
    for (const tab of ['Formula', 'Inputs', 'Explain', 'Circuit']) {
      await host.app.getByRole('tab', { name: tab }).click();
      await host.page.waitForTimeout(150);
    }
    expect(await host.resizes()).toEqual(before);
    // The frame was narrowed: the circuit is drawn smaller, so a shorter frame will do.
    await host.page.evaluate(() => window.resizeApp(320, 300));
    await expect.poll(async () => (await host.resizes()).at(-1)!.width).toBe(320);
    expect((await host.resizes()).at(-1)!.height).toBeLessThanOrEqual(last.height);
    await shoot(host.page, 'embed-autosized-320');
  });
});

test.describe('embed parameters for a figure in a course page', () => {
  test('legend=0 and zoom=0 hide the legend and the zoom buttons; readonly=1 locks the inputs', async () => {
    await host.open({ app: `?embed=1&inputs=1&legend=0&zoom=0&readonly=1${src(lecture1.source)}`, width: 720, height: 420 });
    const app = host.app;
    await expect(app.getByTestId('circuit.svg').locator('g.node').first()).toBeVisible();
    await expect(app.locator('.legend')).toBeHidden();
    await expect(app.getByTestId('zoom.fit')).toBeHidden();
    await expect(app.getByTestId('zoom.in')).toBeHidden();
    for (const name of ['x', 'y', 'z']) {
      await expect(app.getByTestId(`inputs.value.${name}`)).toBeDisabled();
      await expect(app.getByTestId(`inputs.slider.${name}`)).toBeDisabled();
    }
    await expect(app.getByTestId('inputs.read-only')).toBeVisible();
    await shoot(host.page, 'embed-legend0-zoom0-readonly');
    // The page that set the values can still change them; the reader can still step.
    expect(await host.request({ type: 'circuit:set', id: 'set', name: 'x', value: 1 })).toMatchObject({ type: 'circuit:state', output: { value: null } });
    await expect(app.getByTestId('inputs.value.x')).toHaveValue('1');
    await app.getByTestId('steps.next').click();
    // The options stay in the frame's own address, so a reload keeps them.
    await expect.poll(() => host.appFrame().evaluate(() => location.search)).toMatch(/step=1/);
    const search = new URLSearchParams(await host.appFrame().evaluate(() => location.search));
    expect([search.get('legend'), search.get('zoom'), search.get('readonly')]).toEqual(['0', '0', '1']);
  });

  test('by default the legend, the zoom buttons and editable inputs are there; malformed values change nothing', async () => {
    await host.open({ app: `?embed=1&inputs=1&legend=maybe&zoom=&readonly=yes${src(lecture1.source)}`, width: 720, height: 420 });
    const app = host.app;
    await expect(app.locator('.legend')).toBeVisible();
    await expect(app.getByTestId('zoom.fit')).toBeVisible();
    await expect(app.getByTestId('inputs.value.x')).toBeEnabled();
    await expect(app.getByTestId('inputs.read-only')).toHaveCount(0);
  });
});

test.describe('in every theme', () => {
  for (const theme of ['light', 'dark', 'projector'] as const) {
    for (const [width, height] of [[320, 240], [720, 420]] as const) {
      test(`${theme}, ${width}×${height}, every panel: one-row bar, nothing cut off, axe passes`, async () => {
        test.slow(); // axe, once per tab
        await host.open({ app: `${ALL_PANELS}&theme=${theme}&step=4${src(lecture1.source)}`, width, height });
        const frame = host.appFrame();
        await expect(host.app.getByTestId('circuit.svg').locator('g.node').first()).toBeVisible();
        await expectBarOnOneRow(frame, `${theme} ${width}×${height}`);
        await expectNothingCutOff(frame, `${theme} ${width}×${height}`);
        expect(await host.overflow()).toEqual({ x: 0, y: 0 });
        await shoot(host.page, `embed-${width}x${height}-${theme}`);
        const tabs = width < 600 ? ['Circuit', 'Formula', 'Inputs', 'Explain'] : [null];
        for (const tab of tabs) {
          if (tab) await host.app.getByRole('tab', { name: tab }).click();
          const results = await new AxeBuilder({ page: host.page }).include('#app').withTags(['wcag2a', 'wcag2aa']).analyze();
          expect(results.violations.map((v) => `${tab ?? 'side by side'}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        }
      });
    }
  }
});

test.describe('the full app on a phone', () => {
  for (const [example, theme] of [[lecture1, 'light'], [lecture2, 'light'], [lecture1, 'projector']] as const) {
    test(`at 390×844 the circuit (${example.id}, ${theme}) is on the first screen, with no sideways scrolling`, async ({ browser }) => {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
      const page = await context.newPage();
      const phone = new HostPage(page, '');
      await page.goto(`/?theme=${theme}&f=${encodeURIComponent(example.source)}`);
      const svg = page.getByTestId('circuit.svg');
      await expect(svg.locator('g.node').first()).toBeVisible();
      await page.waitForTimeout(400);
      const circuit = (await page.locator('.circuit').boundingBox())!;
      expect(circuit.y, 'the circuit starts on the first screen').toBeGreaterThanOrEqual(0);
      expect(circuit.y + circuit.height, 'and ends on it').toBeLessThanOrEqual(844);
      expect(circuit.height).toBeGreaterThan(240);
      expect(circuit.width).toBeGreaterThan(340);
      for (const id of ['steps.next', 'steps.play', 'steps.progress']) await expect(page.getByTestId(id)).toBeInViewport({ ratio: 1 });
      // The lecture's first circuit is shown whole; a wider one at a readable size, around its current gate.
      const gates = await svg.locator('g.node').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      const shown = gates.filter((g) => g.left >= circuit.x - 1 && g.right <= circuit.x + circuit.width + 1 && g.top >= circuit.y - 1 && g.bottom <= circuit.y + circuit.height + 1);
      if (example === lecture1) expect(shown).toHaveLength(gates.length);
      else expect(shown.length).toBeGreaterThanOrEqual(5);
      const scroll = await page.evaluate(() => ({ width: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll.width, 'no sideways scrolling').toBeLessThanOrEqual(scroll.client);
      // The editing panels follow the circuit and its explanation.
      const editor = (await page.getByTestId('editor.input').boundingBox())!;
      expect(editor.y).toBeGreaterThan(circuit.y + circuit.height);
      await page.screenshot({ path: `${SHOTS}/phone-390x844-${example.id}-${theme}.png` });
      await page.screenshot({ path: `${SHOTS}/phone-390x844-${example.id}-${theme}-full.png`, fullPage: true });
      expect(phone.problems).toEqual([]);
      await context.close();
    });
  }

  test('a vertical swipe over the circuit scrolls the page; a sideways one pans the circuit', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`/?f=${encodeURIComponent(lecture2.source)}`);
    const svg = page.getByTestId('circuit.svg');
    await expect(svg.locator('g.node').first()).toBeVisible();
    await page.waitForTimeout(400);
    const box = (await page.locator('.circuit').boundingBox())!;
    const cdp = await context.newCDPSession(page);
    const swipe = async (dx: number, dy: number) => {
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      for (let k = 1; k <= 12; k++) {
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x: x + (dx * k) / 12, y: y + (dy * k) / 12 }] });
        await page.waitForTimeout(16);
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    const transform = () => svg.locator('g.viewport').getAttribute('transform');
    const before = await transform();
    await swipe(0, -200);
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    expect(await transform(), 'the circuit did not pan').toBe(before);
    await page.waitForTimeout(1000); // the fling settles
    await page.evaluate(() => window.scrollTo(0, 0));
    await swipe(-120, 0);
    await expect.poll(transform).not.toBe(before);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await context.close();
  });
});
