import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import examples from '../src/core/fixtures/lecture-examples.json' with { type: 'json' };
import { packText } from '../src/embed/packed-text.ts';
import { AppPage, watchLongTasks } from './app-page.ts';

// The table of wires: the drawing's numbers for a screen reader or a keyboard, and for circuits too big to draw.
test.use({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });

const NEURON = examples.find((e) => e.id === 'lecture-2')!.source;
const SHOTS = 'test-results/screenshots';

const table = (page: Page) => page.getByTestId('wires.table');
const row = (page: Page, id: string) => table(page).locator(`tbody tr[data-id="${id}"]`);

/** What the drawing shows on every scalar wire now: `data-value` / `data-grad` are the label texts, '' while hidden. */
async function drawnLabels(app: AppPage): Promise<Map<string, { value: string; grad: string }>> {
  const read = (kind: 'value' | 'grad') => app.svg.locator(`text.${kind}[data-id]`).evaluateAll((els, k) => els.map((e) => [
    e.getAttribute('data-id') ?? '', `${e.getAttribute(`data-${k}`) ?? ''}${e.classList.contains('partial') && e.getAttribute(`data-${k}`) ? ' + …' : ''}`,
  ] as const), kind);
  const values = await read('value');
  const grads = new Map(await read('grad'));
  return new Map(values.map(([id, value]) => [id, { value, grad: grads.get(id) ?? '' }]));
}

/** Every row's wire id and its two number cells as shown, '' where the cell says “not yet computed”. */
async function tableRows(page: Page): Promise<Map<string, { value: string; grad: string }>> {
  const rows = await table(page).locator('tbody tr[data-id]').evaluateAll((trs) => trs.map((tr) => {
    const cell = (kind: string) => tr.querySelector(`td.${kind}`);
    const text = (td: Element | null) => (td?.getAttribute('data-state') === 'pending' ? '' : td?.textContent ?? '');
    return [tr.getAttribute('data-id') ?? '', { value: text(cell('value')), grad: text(cell('grad')) }] as const;
  }));
  return new Map(rows);
}

test('the table has a row per wire with the drawing’s numbers, at mid-forward and at the end', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.type(NEURON);
  await expect(app.progress).toContainText('step 0 of');
  const last = await app.lastStep();
  const forwardSteps = (last - 1) / 2;
  for (const at of ['mid-forward', 'end'] as const) {
    if (at === 'mid-forward') await app.press('ArrowRight', Math.floor(forwardSteps / 2));
    else await app.toEnd();
    const drawn = await drawnLabels(app);
    expect(drawn.size).toBeGreaterThan(8);
    await page.getByTestId('display.table').click();
    await expect(table(page)).toBeVisible();
    await expect(table(page)).toHaveAttribute('aria-rowcount', String(drawn.size + 1));
    const rows = await tableRows(page);
    expect(rows).toEqual(drawn);
    if (at === 'mid-forward') {
      // Pending cells say so to a screen reader, and the drawing hides the same labels.
      const pending = table(page).locator('td.value[data-state="pending"]');
      expect(await pending.count()).toBe([...drawn.values()].filter((d) => d.value === '').length);
      await expect(pending.first()).toContainText('not yet computed');
      await page.screenshot({ path: `${SHOTS}/wire-table-mid-forward.png` });
    }
    // The current step's wire is marked, and it is the drawing's current gate.
    const current = table(page).locator('tbody tr[aria-current="step"]');
    await expect(current).toHaveCount(1);
    await page.getByTestId('display.circuit').click();
    await expect(app.svg.locator('g.node.current')).toHaveCount(1);
  }
  expect(app.errors).toEqual([]);
});

test('the search filters by name or expression and says how many wires it found; Enter on a row goes to its step', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  await app.type('x = -2; y = 5; z = -4\nq = x + y\nf = q * z');
  await page.getByTestId('display.table').click();
  const search = page.getByTestId('wires.search');
  await search.fill('x+y');
  await expect(page.getByTestId('wires.count')).toHaveText('1 of 5 wires');
  await expect(table(page).locator('tbody tr[data-id]')).toHaveCount(1);
  await expect(row(page, 'q').locator('td').first()).toHaveText('q = x + y');
  // Typing in the search box types: → and Space move the caret and write, they do not step.
  await search.press('ArrowRight');
  await search.press('Space');
  await expect(search).toHaveValue('x+y ');
  await expect(app.progress).toHaveAttribute('data-step', '0');
  await search.fill('');
  await expect(page.getByTestId('wires.count')).toHaveText('5 of 5 wires');
  await search.fill('no such wire');
  await expect(page.getByTestId('wires.count')).toHaveText('0 of 5 wires');
  await expect(page.getByTestId('wires.none')).toBeVisible();
  await search.fill('');

  // Enter on q's row: q's forward step, where the drawing's current gate is q.
  await row(page, 'q').focus();
  await page.keyboard.press('Enter');
  await expect(app.progress).toHaveAttribute('data-step', '1');
  await expect(row(page, 'q')).toHaveAttribute('aria-current', 'step');
  // ↓ moves to the next row; Enter there goes to f's step; the clicker keys still step from a row.
  await page.keyboard.press('ArrowDown');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe('f');
  await page.keyboard.press('Enter');
  await expect(app.progress).toHaveAttribute('data-step', '2');
  await page.keyboard.press('ArrowRight');
  await expect(app.progress).toHaveAttribute('data-step', '3');
  // In the backward pass a gate's row leads to its backward step.
  await row(page, 'q').click();
  await expect(app.progress).toHaveAttribute('data-step', '5');
  await expect(row(page, 'q').locator('td.grad')).toHaveText('-4.00');
  expect(app.errors).toEqual([]);
});

test('the switch is reached with Tab and pressed with Enter, and the link remembers the table', async ({ page }) => {
  const app = new AppPage(page);
  await app.open();
  const tableButton = page.getByTestId('display.table');
  // From the top of the page: the view switch sits with the other display options, above the step bar.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let i = 0; i < 12 && (await app.focused()) !== 'display.table'; i++) await page.keyboard.press('Tab');
  expect(await app.focused()).toBe('display.table');
  await page.keyboard.press('Enter');
  await expect(tableButton).toHaveAttribute('aria-pressed', 'true');
  await expect(table(page)).toBeVisible();
  await expect(page).toHaveURL(/view=table/);
  await page.reload();
  await expect(table(page)).toBeVisible();
  await expect(app.svg).toHaveCount(0);
  expect(app.errors).toEqual([]);
});

test('an embed shows the table and the switch when its link asks, and only then', async ({ page }) => {
  await page.goto('/?embed=1&view=table');
  await expect(table(page)).toBeVisible();
  await expect(page.getByTestId('display')).toBeVisible();
  await page.getByTestId('display.circuit').click();
  await expect(page.getByTestId('circuit.svg').locator('g.node').first()).toBeVisible();
  await expect(page).toHaveURL(/view=circuit/);
  await page.goto('/?embed=1');
  await expect(page.getByTestId('circuit.svg').locator('g.node').first()).toBeVisible();
  await expect(page.getByTestId('display')).toHaveCount(0);
});

// NOTE: long tasks are wall time: alone, this run shows none (over 50 ms) while scrolling; on a machine busy with other
// work a frame can take longer for reasons of its own, so the test holds it to the page answering within 100 ms.
test('a 20,000-gate chain scrolls through its table with no main-thread task over 100 ms', { tag: '@timing' }, async ({ page }) => {
  test.setTimeout(120_000);
  const gates = 20_000;
  const source = `x = 1\nf = x${' + 1'.repeat(gates)}`;
  // Packed as the app's own links are (a plain `f=` of this size is more than the server takes in a request line).
  await page.goto(`/?view=table&fz=${packText(source)}`);
  await expect(page.getByTestId('wires.count')).toHaveText(`${(gates + 1).toLocaleString('en-US')} of ${(gates + 1).toLocaleString('en-US')} wires`, { timeout: 60_000 });
  await expect(table(page)).toHaveAttribute('aria-rowcount', String(gates + 2));
  const longTasks = await watchLongTasks(page);
  const scroller = page.getByTestId('wires.scroll');
  await scroller.hover();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, 2400);
  // A jump, as dragging the scrollbar does, to the middle and to the very end.
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight / 2));
  await page.waitForTimeout(100);
  await scroller.evaluate((el) => (el.scrollTop = el.scrollHeight));
  await expect(table(page).locator(`tbody tr[aria-rowindex="${gates + 2}"]`)).toBeVisible();
  for (let i = 0; i < 40; i++) await page.mouse.wheel(0, -2400);
  await page.waitForTimeout(300);
  const scrolling = await longTasks();
  expect(await table(page).locator('tbody tr[data-id]').count()).toBeLessThan(80);

  // Stepping keeps the current wire in view, and the search goes through every wire.
  await page.keyboard.press('End');
  await expect(table(page).locator('tbody tr[aria-current="step"]')).toBeInViewport();
  await page.getByTestId('wires.search').fill('f₁₉₉₉₉');
  await expect(page.getByTestId('wires.count')).toHaveText(`2 of ${(gates + 1).toLocaleString('en-US')} wires`);
  await page.waitForTimeout(300);
  const steppingAndSearching = await longTasks();
  console.log(`${gates + 1} rows, long tasks while scrolling: ${JSON.stringify(scrolling)}, stepping and searching: ${JSON.stringify(steppingAndSearching)}`);
  expect(scrolling.filter((d) => d > 100)).toEqual([]);
  // The page around the table (the editor's 80,000 characters, the link) is held to the issue's 200 ms.
  expect(steppingAndSearching.filter((d) => d > 200)).toEqual([]);
});

for (const theme of ['light', 'dark', 'projector'] as const) {
  test(`the table in the ${theme} theme passes axe's WCAG 2.1 AA checks, mid-forward and in the quiz`, async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?theme=${theme}&view=circuit`);
    await app.type('W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2) + 1 / (1 + exp(-sum(x)))');
    await page.getByTestId('display.table').click();
    await app.press('ArrowRight', 3);
    const check = async () => {
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    await check();
    await page.screenshot({ path: `${SHOTS}/wire-table-${theme}.png` });
    await app.toEnd();
    await check();
    // The quiz: the question's number is a `?` in the table as in the drawing.
    await page.goto(`/?theme=${theme}&quiz=1&view=table&step=1&f=${encodeURIComponent(NEURON)}`);
    await expect(table(page).locator('td[data-state="asked"]')).toHaveCount(1);
    await check();
    expect(app.errors).toEqual([]);
  });
}
