import { expect, test, type Browser, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { AppPage } from './app-page.ts';

// Readers with low vision or another colour vision: values and gradients told apart in Chromium's simulated colour
// blindness, Windows high contrast, 200 % zoom, a 320 px wide window (WCAG 1.4.10) and reduced motion.

const SHOTS = process.env.SCREENSHOTS ?? 'test-results/screenshots';
test.beforeAll(() => mkdirSync(SHOTS, { recursive: true }));

/** The mean colour of the ink (pixels unlike the corner's background) in a region of a PNG, read by a canvas. */
async function inkColour(browser: Browser, png: Buffer): Promise<[number, number, number]> {
  const page = await browser.newPage();
  const rgb = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const g = c.getContext('2d')!;
    g.drawImage(img, 0, 0);
    const d = g.getImageData(0, 0, c.width, c.height).data;
    const bg = [d[0]!, d[1]!, d[2]!];
    const sum = [0, 0, 0];
    let n = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (Math.abs(d[i]! - bg[0]!) + Math.abs(d[i + 1]! - bg[1]!) + Math.abs(d[i + 2]! - bg[2]!) < 200) continue;
      for (let k = 0; k < 3; k++) sum[k]! += d[i + k]!;
      n++;
    }
    return sum.map((v) => v / Math.max(1, n));
  }, png.toString('base64'));
  await page.close();
  return rgb as [number, number, number];
}

const VISIONS = ['deuteranopia', 'protanopia', 'tritanopia', 'achromatopsia'] as const;

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`in the ${theme} theme values and gradients stay apart with simulated ${VISIONS.join(', ')}`, async ({ page, browser }) => {
    const app = new AppPage(page);
    await app.open(`?theme=${theme}&step=end`);
    const cdp = await page.context().newCDPSession(page);
    for (const type of VISIONS) {
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
      await app.svg.screenshot({ path: `${SHOTS}/vision-${theme}-${type}.png` });
      const value = await inkColour(browser, await app.value('q').screenshot());
      const grad = await inkColour(browser, await app.grad('q').screenshot());
      const apart = Math.hypot(...value.map((v, i) => v - grad[i]!));
      // Without any colour vision the two are told apart by where they are and how they are written, not by hue.
      if (type === 'achromatopsia') continue;
      expect(apart, `${type}: value ${value.map(Math.round)} vs gradient ${grad.map(Math.round)}`).toBeGreaterThan(60);
    }
    // Marks that need no colour: the gradient below the wire, in italics, with a ∂; the legend says so.
    const [valueBox, gradBox] = [await app.value('q').boundingBox(), await app.grad('q').boundingBox()];
    expect(gradBox!.y + gradBox!.height / 2).toBeGreaterThan(valueBox!.y + valueBox!.height / 2 + 10);
    await expect(app.grad('q')).toHaveText(/^∂ /);
    expect(await app.grad('q').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    await expect(page.locator('.legend-grad')).toHaveText(/∂ gradient \(below the wire\)/);
  });
}

test('Windows high contrast (forced colours) keeps every label, gate and wire drawn in system colours', async ({ page }) => {
  const app = new AppPage(page);
  await page.emulateMedia({ forcedColors: 'active' });
  await app.open('?step=end');
  await app.press('ArrowLeft', 2);
  await page.screenshot({ path: `${SHOTS}/forced-colors.png` });
  const paints = await app.svg.evaluate((svg) => {
    const probe = document.createElement('div');
    probe.style.forcedColorAdjust = 'none';
    document.body.append(probe);
    const system = (c: string) => { probe.style.color = c; return getComputedStyle(probe).color; };
    const canvasText = system('CanvasText');
    const canvas = system('Canvas');
    const out = [...svg.querySelectorAll('.labels text, g.node text.gate-label')]
      .filter((t) => getComputedStyle(t).visibility !== 'hidden' && (t.textContent ?? '') !== '')
      .map((t) => ({ text: t.textContent, fill: getComputedStyle(t).fill }));
    const strokes = [...svg.querySelectorAll('path.edge, g.node .stub, g.node:not(.terminal) .shape')].map((e) => getComputedStyle(e).stroke);
    const highlight = system('Highlight');
    probe.remove();
    return { out, strokes, canvasText, canvas, highlight };
  });
  expect(paints.out.length).toBeGreaterThan(8);
  for (const { text, fill } of paints.out) {
    expect([paints.canvasText, paints.highlight], `${text} is drawn in ${fill}`).toContain(fill);
    expect(fill).not.toBe(paints.canvas);
  }
  for (const stroke of paints.strokes) expect([paints.canvasText, paints.highlight]).toContain(stroke);
});

/** Every visible control's box, to check none overlaps another or leaves the page sideways. */
async function controlBoxes(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('button, select, input, textarea, a, summary, label')]
    .filter((e) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true }))
    // A label wrapping its control is one control; a file button's invisible input lies over its own label.
    .filter((e) => !(e.tagName === 'LABEL' && e.querySelector('input, select, textarea')) && !e.closest('.visually-hidden, .deck-file-button'))
    .map((e) => {
      // What shows of a control inside a box that scrolls (the editor's long lines) is what that box shows.
      const r = e.getBoundingClientRect();
      for (let p = e.parentElement; p; p = p.parentElement) {
        if (getComputedStyle(p).overflowX === 'visible') continue;
        const c = p.getBoundingClientRect();
        const [left, right] = [Math.max(r.left, c.left), Math.min(r.right, c.right)];
        r.x = left;
        r.width = Math.max(0, right - left);
      }
      return { what: `${e.tagName.toLowerCase()} ${e.getAttribute('data-testid') ?? e.textContent?.trim().slice(0, 20)}`, x: r.x + scrollX, y: r.y + scrollY, w: r.width, h: r.height };
    })
    .filter((b) => b.w > 0 && b.h > 0));
}

const overlaps = (boxes: Awaited<ReturnType<typeof controlBoxes>>) => {
  const found: string[] = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i]!, boxes[j]!];
      const ox = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
      const oy = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
      if (ox > 1 && oy > 1) found.push(`${a.what} × ${b.what}`);
    }
  }
  return found;
};

for (const theme of ['light', 'projector'] as const) {
  test(`the full app reflows into 320 CSS px (${theme}): no sideways scroll, no control over another`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    const app = new AppPage(page);
    await app.open(`?theme=${theme}&step=3`);
    await page.screenshot({ path: `${SHOTS}/reflow-320-${theme}.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const boxes = await controlBoxes(page);
    expect(boxes.filter((b) => b.x < -1 || b.x + b.w > 321).map((b) => b.what)).toEqual([]);
    expect(overlaps(boxes).join('\n')).toBe('');
  });
}

test('zooming the page to 200 % draws the circuit’s text larger on screen, following the current gate, nothing clipped', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const app = new AppPage(page);
  await app.open('?step=2');
  const labelHeight = () => app.value('q').evaluate((el) => el.getBoundingClientRect().height);
  const at100 = await labelHeight();
  // Ctrl + to 200 %: twice the device pixels per CSS pixel, half the CSS viewport, in the same session.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 400, deviceScaleFactor: 2, mobile: false });
  await expect.poll(() => page.evaluate(() => innerWidth)).toBe(640);
  await expect.poll(labelHeight).toBeGreaterThanOrEqual(at100 - 0.5);
  const at200 = await labelHeight();
  expect(at200 * 2, `device pixels at 200 % (${at200 * 2}) against 100 % (${at100})`).toBeGreaterThan(at100 * 1.9);
  // Playwright's own screenshot would put its viewport back: this one keeps the 200 % metrics.
  const shot = await cdp.send('Page.captureScreenshot', { format: 'png' });
  writeFileSync(`${SHOTS}/zoom-200.png`, Buffer.from(shot.data, 'base64'));
  // The current gate and its labels are inside the circuit's box, not clipped by it; so after stepping on.
  for (let i = 0; i < 4; i++) {
    const inside = () => page.evaluate(() => {
      const svg = document.querySelector('[data-testid="circuit.svg"]')!.getBoundingClientRect();
      const current = document.querySelector('g.node.current');
      const id = current?.getAttribute('data-id');
      const parts = [current, ...document.querySelectorAll(`.labels [data-id="${id}"]`)].filter((e) => e && getComputedStyle(e).visibility !== 'hidden');
      return parts.every((e) => {
        const r = e!.getBoundingClientRect();
        return r.left >= svg.left - 0.5 && r.right <= svg.right + 0.5 && r.top >= svg.top - 0.5 && r.bottom <= svg.bottom + 0.5;
      });
    });
    // The camera glides to the gate in a quarter of a second.
    await expect.poll(inside, { message: `step ${await app.step()}` }).toBe(true);
    await app.press('ArrowRight');
  }
  expect(overlaps(await controlBoxes(page))).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(640);
});

test('with reduced motion nothing animates: no Web Animations and no D3 transitions after steps, a regroup or a fit', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const app = new AppPage(page);
  await app.open(`?f=${encodeURIComponent('w = 2; x = -1\nf = sigmoid(w * x)')}`);
  const still = async () => {
    const first = await page.evaluate(() => ({
      animations: document.getAnimations().length,
      camera: document.querySelector('g.viewport')?.getAttribute('transform'),
      gates: [...document.querySelectorAll('g.node')].map((g) => g.getAttribute('transform')).join(' '),
    }));
    await page.waitForTimeout(300);
    const later = await page.evaluate(() => ({
      camera: document.querySelector('g.viewport')?.getAttribute('transform'),
      gates: [...document.querySelectorAll('g.node')].map((g) => g.getAttribute('transform')).join(' '),
    }));
    return { animations: first.animations, moved: first.camera !== later.camera || first.gates !== later.gates };
  };
  await app.press('ArrowRight', 3);
  expect(await still()).toEqual({ animations: 0, moved: false });
  await app.press('End');
  expect(await still()).toEqual({ animations: 0, moved: false });
  await page.getByTestId('zoom.in').click();
  expect(await still()).toEqual({ animations: 0, moved: false });
  await page.getByTestId('zoom.fit').click();
  expect(await still()).toEqual({ animations: 0, moved: false });
  await app.svg.locator('g.node.groupable').first().click();
  await expect(app.svg.locator('g.node.grouped')).toHaveCount(4);
  expect(await still()).toEqual({ animations: 0, moved: false });
});
