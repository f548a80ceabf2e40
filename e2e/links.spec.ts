import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES, FIRST_EXAMPLE } from '../src/core/index.ts';
import { AppPage, twoDecimals } from './app-page.ts';
import { ATTACKS, expectUnharmed, watchPrototype } from './host/attacks.ts';
import { HostPage, lectureExamples, wire } from './host/host-page.ts';
import { unpackText } from '../src/embed/packed-text.ts';

/** The formula a link carries: readable as `f=`, or packed as `fz=` when that is shorter. */
function formulaIn(params: URLSearchParams): string | null {
  const packed = params.get('fz');
  return packed !== null ? unpackText(packed, 2_000_000) : params.get('f');
}

const examples = lectureExamples();

/** What a student sees on every named wire: the drawn value, gradient and whether that is a partial sum ('' = not drawn yet). */
async function drawnLabels(app: AppPage, names: readonly string[]) {
  const labels: Record<string, [string | null, string | null, boolean]> = {};
  for (const name of names) {
    const grad = app.grad(name);
    labels[name] = [await app.value(name).getAttribute('data-value'), await grad.getAttribute('data-grad'), /\bpartial\b/.test((await grad.getAttribute('class')) ?? '')];
  }
  return labels;
}

/** The address bar, once it has caught up with the view. */
async function settledUrl(page: Page, expected: Record<string, string | null>): Promise<string> {
  const read = () => {
    const params = new URL(page.url()).searchParams;
    return Object.fromEntries(Object.keys(expected).map((k) => [k, k === 'f' ? formulaIn(params) : params.get(k)]));
  };
  await expect.poll(read).toEqual(expected);
  return page.url();
}

test.describe('links that reopen the exact view', () => {
  test('with no f, the lecture’s first example opens and the address is left alone', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    await app.expectText(FIRST_EXAMPLE.source);
    await expect(page.getByTestId('toolbar.example')).toHaveValue(FIRST_EXAMPLE.id);
    expect(new URL(page.url()).search).toBe('');
    expect(app.errors).toEqual([]);
  });

  const plans = [
    { steps: 2, theme: 'light' },
    { steps: 'end', theme: 'dark' },
    { steps: 7, theme: 'projector' },
  ] as const;
  examples.forEach((example, i) => {
    const plan = plans[i % plans.length]!;
    test(`${example.id}: state → link → fresh page load gives the same formula, values and step`, async ({ page, context, baseURL }) => {
      const app = new AppPage(page);
      await app.open();
      await app.type(example.source);
      if (plan.steps === 'end') await app.toEnd();
      else await app.press('ArrowRight', plan.steps);
      await page.getByTestId('toolbar.theme').selectOption(plan.theme);
      const step = await app.step();
      const last = await app.lastStep();
      const link = await settledUrl(page, {
        f: example.source,
        step: step === 0 ? null : step === last ? 'end' : String(step),
        theme: plan.theme === 'light' ? null : plan.theme,
      });
      const names = [...new Set([...Object.keys(example.values), ...Object.keys(example.grads)])];
      const before = await drawnLabels(app, names);

      const fresh = new AppPage(await context.newPage());
      await fresh.open(new URL(link).search);
      await fresh.expectText(example.source);
      await expect(fresh.progress).toHaveAttribute('data-step', String(step));
      await expect(fresh.page.locator('html')).toHaveAttribute('data-theme', plan.theme);
      expect(await drawnLabels(fresh, names)).toEqual(before);
      // What is drawn is the lecture's numbers.
      for (const [name, [value, grad, partial]] of Object.entries(before)) {
        if (value) expect(value, `value of ${name}`).toBe(twoDecimals(example.values[name]!));
        if (grad && !partial) expect(grad, `gradient of ${name}`).toBe(twoDecimals(example.grads[name]!));
      }
      if (plan.steps === 'end') expect(Object.values(before).every(([v, g, p]) => v && g && !p)).toBe(true);

      // The same link as an embed: the host reads the exact numbers back.
      const host = new HostPage(await context.newPage(), `${new URL(baseURL!).origin}/`);
      await host.open({ app: `${new URL(link).search}&embed=1` });
      const state = await host.state();
      expect(state).toMatchObject({ source: example.source, step, steps: last });
      for (const name of Object.keys(example.values)) {
        const w = wire(state, name);
        if (w.value !== null) expect(w.value, `value of ${name}`).toBeCloseTo(example.values[name]!, 12);
        if (w.grad !== null) expect(w.grad, `gradient of ${name}`).toBeCloseTo(example.grads[name]!, 12);
      }
      expect([...app.errors, ...fresh.errors, ...host.problems]).toEqual([]);
    });
  });

  test('the address follows typing and stepping with replaceState, never a new history entry', async ({ page }) => {
    const app = new AppPage(page);
    await app.open();
    const entries = await page.evaluate(() => history.length);
    await app.editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\ng = f * 2', { delay: 20 });
    await expect.poll(() => new URL(page.url()).searchParams.get('f')).toBe(`${FIRST_EXAMPLE.source}\ng = f * 2`);
    await app.press('ArrowRight', 3);
    await settledUrl(page, { step: '3' });
    await page.getByTestId('toolbar.expand').check();
    await expect.poll(() => new URL(page.url()).searchParams.get('expand')).toBe('1');
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await page.reload();
    await app.expectText(`${FIRST_EXAMPLE.source}\ng = f * 2`);
    await expect(app.progress).toHaveAttribute('data-step', '3');
    expect(app.errors).toEqual([]);
  });

  test('theme, σ grouping, the gradient check and step=end come back from a link', async ({ page }) => {
    const sigmoid = EXAMPLES.find((e) => e.id === 'lecture-2-sigmoid')!;
    const app = new AppPage(page);
    await app.open(`?f=${encodeURIComponent(sigmoid.source)}&step=end&expand=1&theme=projector&check=1`);
    await expect(page.getByTestId('toolbar.expand')).toBeChecked();
    await expect(page.getByTestId('toolbar.theme')).toHaveValue('projector');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'projector');
    await expect(page.getByTestId('gradcheck')).toHaveAttribute('open', '');
    await expect(page.getByTestId('steps.end')).toBeDisabled();
    expect(await app.step()).toBe(await app.lastStep());
    expect(app.errors).toEqual([]);
  });

  test('malformed parameters are ignored, not obeyed', async ({ page }) => {
    const app = new AppPage(page);
    await app.open('?step=-3&theme=neon&expand=perhaps&embed=yes&check=2');
    await app.expectText(FIRST_EXAMPLE.source);
    await expect(app.progress).toHaveAttribute('data-step', '0');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(page.getByTestId('toolbar.expand')).not.toBeChecked();
    await expect(page.getByTestId('share.toggle')).toBeVisible();
    expect(app.errors).toEqual([]);
  });
});

test.describe('the Share menu', () => {
  test('"Copy link" and "Copy embed code" put the current view on the clipboard', async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    const app = new AppPage(page);
    await app.open();
    await app.press('ArrowRight', 2);
    const link = await settledUrl(page, { f: FIRST_EXAMPLE.source, step: '2' });
    await page.getByTestId('share.toggle').click();
    await page.getByTestId('share.copy-link').click();
    await expect(page.getByTestId('share.status')).toHaveText('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);

    await page.getByTestId('share.copy-embed').click();
    await expect(page.getByTestId('share.status')).toHaveText('Embed code copied.');
    const code = await page.evaluate(() => navigator.clipboard.readText());
    expect(code).toMatch(/^<iframe src="[^"]+" width="720" height="420" title="Backpropagation circuit for f" [^>]*><\/iframe>$/);
    const src = new URL(/src="([^"]+)"/.exec(code)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('f')).toBe(FIRST_EXAMPLE.source);
    expect(src.searchParams.get('step')).toBe('2');

    // The snippet works as pasted.
    const host = new HostPage(await context.newPage(), `${src.origin}/`);
    await host.open({ app: src.search });
    expect(await host.state()).toMatchObject({ source: FIRST_EXAMPLE.source, step: 2 });
    expect([...app.errors, ...host.problems]).toEqual([]);
  });

  test('where the clipboard is refused (the full app in an iframe without clipboard-write), the text is shown selected', async ({ page, baseURL }) => {
    const host = new HostPage(page, `${new URL(baseURL!).origin}/`);
    await host.open({ app: '?step=3', width: 1100, height: 700 });
    await host.app.getByTestId('share.toggle').click();
    await host.app.getByTestId('share.copy-link').click();
    const field = host.app.getByTestId('share.manual');
    await expect(field).toBeVisible();
    await expect(field).toBeFocused();
    const shown = await field.inputValue();
    expect(new URL(shown).searchParams.get('step')).toBe('3');
    expect(formulaIn(new URL(shown).searchParams)).toBe(FIRST_EXAMPLE.source);
    expect(await field.evaluate((el: HTMLTextAreaElement) => [el.readOnly, el.selectionStart, el.selectionEnd])).toEqual([true, 0, shown.length]);

    await host.app.getByTestId('share.copy-embed').click();
    await expect(field).toHaveValue(/^<iframe src=/);
    await expect(field).toBeFocused();
    expect(host.problems).toEqual([]);
  });
});

test.describe('hostile text in links and in the editor', () => {
  test('a link carrying it shows it as text: no dialog, no injected element, Object.prototype unchanged', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    for (const attack of ATTACKS) {
      await page.goto(`/?f=${encodeURIComponent(attack)}&step=end`);
      await app.expectText(attack);
      await expectUnharmed(page);
    }
    await page.goto(`/?theme=${encodeURIComponent(ATTACKS[0])}&step=constructor&expand=__proto__&__proto__[polluted]=1` +
      `&constructor[prototype][polluted]=1&origin=${encodeURIComponent(ATTACKS[6])}&f=${encodeURIComponent(ATTACKS[1])}`);
    await app.expectText(ATTACKS[1]);
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expectUnharmed(page);
    expect(app.errors).toEqual([]);
  });

  test('typed into the editor it is shown as text, travels in the link, and comes back as text', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    await app.open();
    for (const attack of ATTACKS) {
      await app.type(attack);
      await expect.poll(() => formulaIn(new URL(page.url()).searchParams)).toBe(attack);
      await expectUnharmed(page);
      await page.reload();
      await app.expectText(attack);
      await expectUnharmed(page);
    }
    expect(app.errors).toEqual([]);
  });
});
