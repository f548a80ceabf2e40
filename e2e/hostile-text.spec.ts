import { expect, test, type Page } from '@playwright/test';
import { packText } from '../src/embed/packed-text.ts';
import { AppPage } from './app-page.ts';
import { ATTACKS, expectUnharmed, watchPrototype } from './host/attacks.ts';

const SHOTS = 'test-results/hostile-text';
const LECTURE_1 = 'x = -2; y = 5; z = -4; f = (x + y) * z';
// eslint-disable-next-line no-control-regex -- the characters looked for
const HIDDEN = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\uFE00-\uFE0F]/u;
const TROJAN = ATTACKS.find((a) => a.includes('\u202E')) as string;

/** Everything the page shows as text, the editor's lines in view included. */
const shownText = (page: Page) => page.evaluate(() => document.body.innerText);

test.describe('text that cannot mislead, in the browser', () => {
  test('a right-to-left override in a name is an error that names it, never shows it, and marks its line', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    await app.open();
    await app.type(TROJAN);
    const error = page.getByTestId('editor.error');
    await expect(error).toContainText('Line 2, column 6:');
    await expect(error).toContainText('unexpected U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control');
    expect(await error.textContent()).not.toMatch(HIDDEN);
    await expect(app.errorLineNumber).toHaveText('2');
    // The editor shows the override as a placeholder named in its title, so the text around it keeps its order.
    const shown = page.locator('.cm-content');
    await expect(shown).toContainText('f = a');
    expect(await shown.innerText()).not.toMatch(HIDDEN);
    await expect(shown.locator('.cm-specialChar')).toHaveAttribute('title', 'U+202E RIGHT-TO-LEFT OVERRIDE');
    await page.screenshot({ path: `${SHOTS}/trojan-source-editor.png` });
    await app.type('f = x + \u0435');
    await expect(error).toContainText("unexpected character 'е' U+0435 CYRILLIC SMALL LETTER IE, which looks like the Latin e");
    await expectUnharmed(page);
    expect(app.errors).toEqual([]);
  });

  test('a lone \\r in a link ends a line: the editor, its line numbers and the circuit agree', async ({ page }) => {
    const app = new AppPage(page);
    await app.open(`?f=${encodeURIComponent('x = 3\ry = 4\r\nf = x * y')}&step=end`);
    await app.expectText('x = 3\ny = 4\nf = x * y');
    await expect(app.lineNumbers).toHaveText(['1', '2', '3']);
    await expect(app.value('f')).toHaveText('12.00');
    await page.goto(`/?f=${encodeURIComponent('x = 3\rf = x $ 2')}`);
    await expect(page.getByTestId('editor.error-position')).toHaveText('Line 2, column 7:');
    await expect(app.errorLineNumber).toHaveText('2');
    expect(app.errors).toEqual([]);
  });
});

test.describe('hostile text through every other way in', () => {
  test('links: prototype keys, unknown decks and packed formulas open a working app and harm nothing', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    for (const query of ['?__proto__[x]=1', '?constructor[prototype][x]=1', '?__proto__[polluted]=1&f=f%20%3D%201', '?deck=__proto__',
      '?deck=constructor', '?deck=toString&slide=__proto__', `?dz=${packText('{"__proto__":{"polluted":1},"title":"t","slides":[{"source":"f = 1"}]}')}`,
      ...ATTACKS.map((a) => `?fz=${packText(a)}`)]) {
      await page.goto(`/${query}`);
      await expect(page.getByTestId('circuit.svg').locator('g.node').or(page.getByTestId('editor.error')).first()).toBeVisible();
      await expectUnharmed(page);
    }
    expect(app.errors).toEqual([]);
  });

  test('deck links: each attack as a deck title, slide title, notice and notes is shown as text, in the deck bar and the presentation view', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    for (const attack of ATTACKS) {
      const deck = { title: attack, slides: [{ title: attack, source: attack, notice: attack, notes: attack }, { title: 'two', source: LECTURE_1 }] };
      for (const present of ['', '&present=1']) {
        await page.goto(`/?dz=${packText(JSON.stringify(deck))}${present}`);
        await expect(app.editor.or(page.getByTestId('present'))).toBeVisible();
        const text = await shownText(page);
        expect(text).not.toMatch(HIDDEN);
        if (HIDDEN.test(attack)) {
          // A deck whose shown text would reorder itself is refused: the app opens without it.
          await expect(page.getByTestId('deck.bar')).toHaveCount(0);
        } else {
          const firstLine = attack.split('\n')[0] as string;
          expect(text).toContain(firstLine);
          await expect(page.getByTestId(present ? 'present.title' : 'deck.notice')).toContainText(firstLine);
        }
        await expectUnharmed(page);
      }
    }
    expect(app.errors).toEqual([]);
  });

  test('quiz answers: each attack typed as a guess is not read, is said so as text, and is never run', async ({ page }) => {
    await watchPrototype(page);
    const app = new AppPage(page);
    await app.open(`?quiz=1&f=${encodeURIComponent(LECTURE_1)}&step=1`);
    const input = page.getByTestId('quiz.input');
    for (const attack of [...ATTACKS, '-4\u200B', '\u2066-4\u2069']) {
      await input.fill(attack.slice(0, 64));
      await input.press('Enter');
      const problem = page.getByTestId('quiz.error');
      await expect(problem).toBeVisible();
      expect(await problem.textContent()).not.toMatch(HIDDEN);
      if (HIDDEN.test(attack)) await expect(problem).toContainText(/U\+(202E|200B|2066)/);
      await expect(page.getByTestId('quiz.score')).toHaveText(/0 of 0|No answers/);
      await expectUnharmed(page);
    }
    expect(app.errors).toEqual([]);
  });
});

test.describe('the error boundary', () => {
  test('an error while drawing shows a message and the formula to copy, never a blank page', async ({ page }) => {
    const app = new AppPage(page);
    const formula = 'x = 2 # <b>mine</b>\nf = x * 3';
    await app.open(`?f=${encodeURIComponent(formula)}`);
    // A real path to a crash: the number formatting every label goes through starts to throw, as a broken browser
    // extension or a polyfill could make it; the next step redraws the labels.
    await page.evaluate(() => {
      Number.prototype.toFixed = () => { throw new Error('toFixed is broken'); };
    });
    await page.getByTestId('steps.next').click();
    const crash = page.getByTestId('crash');
    await expect(crash).toBeVisible();
    await expect(crash.getByRole('heading')).toHaveText('Something went wrong');
    await expect(page.getByTestId('crash.formula')).toHaveValue(formula);
    await expect(page.getByTestId('crash.error')).toHaveText('toFixed is broken');
    await expect(crash.getByRole('button', { name: 'Copy formula' })).toBeVisible();
    await expect(page.locator('b')).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/error-boundary.png` });
    await crash.getByRole('button', { name: 'Reload' }).click();
    await expect(app.svg.locator('g.node').first()).toBeVisible();
    await app.expectText(formula);
  });
});
