import { expect, test } from '@playwright/test';
import { evaluate, FIRST_EXAMPLE } from '../src/core/index.ts';
import { ATTACKS, expectUnharmed, watchPrototype } from './host/attacks.ts';
import { HOST_ORIGIN, HostPage, lectureExamples, wire, type Message, type StateReply } from './host/host-page.ts';
import { expectEditorText } from './app-page.ts';

const examples = lectureExamples();
const lecture1 = examples.find((e) => e.id === 'lecture-1')!;
const PRECISION = 12;

let host: HostPage;
let appOrigin: string;

test.beforeEach(async ({ page, baseURL }) => {
  appOrigin = new URL(baseURL!).origin;
  host = new HostPage(page, `${appOrigin}/`);
});

test.afterEach(() => {
  expect(host.problems, 'console errors, uncaught exceptions or dialogs').toEqual([]);
});

test.describe('the postMessage API, from a course page on another origin', () => {
  test('the app announces itself once with circuit:ready version 1', async () => {
    await host.open();
    await host.page.waitForTimeout(300);
    const ready = (await host.received()).filter((m) => m.data.type === 'circuit:ready');
    expect(ready).toEqual([{ origin: appOrigin, data: { type: 'circuit:ready', version: 1 } }]);
  });

  test('circuit:get answers with the whole state, echoing a string or a number id', async () => {
    await host.open();
    const state = await host.state('first');
    expect(state).toMatchObject({ type: 'circuit:state', id: 'first', source: FIRST_EXAMPLE.source, step: 0, steps: 5, phase: 'forward' });
    expect(state.output).toEqual({ name: 'f', shape: [], value: null, grad: null });
    expect(state.inputs).toEqual([
      { name: 'x', shape: [], value: -2, grad: null },
      { name: 'y', shape: [], value: 5, grad: null },
      { name: 'z', shape: [], value: -4, grad: null },
    ]);
    expect(state.wires.map((w) => w.label)).toEqual(['x', 'y', 'z', 'q', 'f']);
    expect(wire(state, 'q')).toMatchObject({ id: 'q', value: null, grad: null });
    expect((await host.state(42)).id).toBe(42);
    expect((await host.state(-0.5)).id).toBe(-0.5);
  });

  for (const example of examples) {
    test(`circuit:load ${example.id} to the end gives the lecture's values and gradients`, async () => {
      await host.open();
      const state = await host.request<StateReply>({ type: 'circuit:load', id: example.id, source: example.source, step: 'end' });
      expect(state).toMatchObject({ type: 'circuit:state', id: example.id, source: example.source, phase: 'backward' });
      expect(state!.step).toBe(state!.steps);
      for (const [name, value] of Object.entries(example.values)) expect(wire(state!, name).value, `value of ${name}`).toBeCloseTo(value, PRECISION);
      for (const [name, grad] of Object.entries(example.grads)) expect(wire(state!, name).grad, `gradient of ${name}`).toBeCloseTo(grad, PRECISION);
      expect(state!.output.name).toBe('f');
      expect(state!.output.value).toBeCloseTo(example.values.f!, PRECISION);
      expect(state!.output.grad).toBe(1);
      const inputNames = state!.inputs.map((i) => i.name);
      expect(inputNames).toEqual(Object.keys(example.values).filter((n) => inputNames.includes(n)));
      for (const input of state!.inputs) expect(input.grad).toBeCloseTo(example.grads[input.name]!, PRECISION);
      for (const w of state!.wires) {
        expect(typeof w.value, `value of ${w.label} at the end`).toBe('number');
        expect(typeof w.grad, `gradient of ${w.label} at the end`).toBe('number');
      }
      // The default step is the start: only the inputs (and constants) are known.
      const start = await host.request<StateReply>({ type: 'circuit:load', id: 2, source: example.source });
      expect(start).toMatchObject({ step: 0, phase: 'forward', output: { value: null, grad: null } });
      for (const input of start!.inputs) expect(input).toMatchObject({ value: example.values[input.name], grad: null });
    });
  }

  test('circuit:load of a tensor circuit returns nested values and gradients with their shapes', async () => {
    await host.open();
    const source = 'W = [[0.1, 0.5], [-0.3, 0.8]]\nx = [0.2, 0.4]\nq = W @ x\nf = sum(q^2)';
    const state = await host.request<StateReply>({ type: 'circuit:load', id: 'tensor', source, step: 'end' });
    const round = (v: unknown): unknown => (Array.isArray(v) ? v.map(round) : typeof v === 'number' ? +v.toFixed(12) : v);
    const [W, x] = state!.inputs as unknown as { name: string; shape: number[]; value: unknown; grad: unknown }[];
    expect(W).toMatchObject({ name: 'W', shape: [2, 2], value: [[0.1, 0.5], [-0.3, 0.8]] });
    expect(round(W!.grad)).toEqual([[0.088, 0.176], [0.104, 0.208]]);
    expect(x).toMatchObject({ name: 'x', shape: [2] });
    expect(round(x!.grad)).toEqual([-0.112, 0.636]);
    expect(round((wire(state!, 'q') as unknown as { value: unknown }).value)).toEqual([0.22, 0.26]);
    expect(state!.output.value).toBeCloseTo(0.116, 12);
  });

  test('circuit:step walks the passes, with null for what is not computed yet', async () => {
    await host.open();
    await host.request({ type: 'circuit:load', id: 0, source: lecture1.source });
    const step = (to: unknown) => host.request<StateReply>({ type: 'circuit:step', id: `to ${String(to)}`, to } as Message);

    const first = await step('next');
    expect(first).toMatchObject({ id: 'to next', step: 1, steps: 5, phase: 'forward' });
    expect(wire(first!, 'q')).toMatchObject({ value: 3, grad: null });
    expect(wire(first!, 'f')).toMatchObject({ value: null, grad: null });

    const seed = await step(3);
    expect(seed).toMatchObject({ step: 3, phase: 'backward', output: { name: 'f', shape: [], value: -12, grad: 1 } });
    expect(wire(seed!, 'q').grad).toBeNull();

    const back = await step('next');
    expect(back).toMatchObject({ step: 4, phase: 'backward' });
    expect(wire(back!, 'q').grad).toBe(-4);
    expect(wire(back!, 'z').grad).toBe(3);
    expect(wire(back!, 'x').grad).toBeNull();

    const end = await step('end');
    expect(end!.step).toBe(5);
    expect(end!.inputs).toEqual([{ name: 'x', shape: [], value: -2, grad: -4 }, { name: 'y', shape: [], value: 5, grad: -4 }, { name: 'z', shape: [], value: -4, grad: 3 }]);
    expect((await step('prev'))!.step).toBe(4);
    expect((await step('start'))).toMatchObject({ step: 0, phase: 'forward' });
    expect((await step(99))!.step, 'a step past the end stops at the end').toBe(5);
    // The app shows the same step.
    await expect(host.app.getByTestId('steps.progress')).toHaveAttribute('data-step', '5');
  });

  test('circuit:set changes an input, recomputes, and keeps the step', async () => {
    await host.open();
    await host.request({ type: 'circuit:load', id: 0, source: lecture1.source, step: 'end' });
    const state = await host.request<StateReply>({ type: 'circuit:set', id: 'x', name: 'x', value: 1 });
    expect(state).toMatchObject({ type: 'circuit:state', id: 'x', step: 5, output: { value: -24, grad: 1 } });
    expect(state!.source).toContain('x = 1');
    expect(state!.inputs).toEqual([{ name: 'x', shape: [], value: 1, grad: -4 }, { name: 'y', shape: [], value: 5, grad: -4 }, { name: 'z', shape: [], value: -4, grad: 6 }]);
    await expect(host.app.locator('[data-testid="circuit.svg"] text.value[data-id="f"]')).toHaveAttribute('data-value', '-24.00');
  });

  test('NaN and ±Infinity arrive as numbers', async () => {
    await host.open();
    const state = await host.request<StateReply>({ type: 'circuit:load', id: 1, source: 'x = 0; y = -1\na = log(x)\nb = sqrt(y)\nf = a + b', step: 'end' });
    expect(wire(state!, 'a').value).toBe(-Infinity);
    expect(wire(state!, 'x').grad).toBe(Infinity);
    expect(Number.isNaN(wire(state!, 'b').value)).toBe(true);
    expect(Number.isNaN(state!.output.value)).toBe(true);
    expect(Number.isNaN(wire(state!, 'y').grad)).toBe(true);
  });

  test('a formula error comes back with its line and column, and the last good circuit stays', async () => {
    await host.open({ app: '?embed=1&editor=1' });
    for (const source of ['f = (x +', 'x = 1\ny = 2 *\nf = y', 'x = 1\nf = x $ 2']) {
      const expected = evaluate(source);
      if (expected.ok) throw new Error(`${source} should not compile`);
      const reply = await host.request({ type: 'circuit:load', id: source, source });
      expect(reply).toEqual({ type: 'circuit:error', id: source, message: expected.error.message, line: expected.error.line, column: expected.error.column });
    }
    expect(evaluate('f = (x +')).toMatchObject({ ok: false, error: { line: 1, column: 9 } });
    // As when typing: the editor shows the text and where it went wrong; the circuit is the last one that worked.
    await expectEditorText(host.app.getByTestId('editor.input'), 'x = 1\nf = x $ 2');
    await expect(host.app.getByTestId('editor.error-position')).toContainText('Line 2, column');
    expect((await host.state()).source).toBe(FIRST_EXAMPLE.source);
  });

  test('invalid requests get circuit:error, with the id echoed when it is valid', async () => {
    await host.open();
    const big = 'x'.repeat(100_001);
    const cases: [Message, RegExp][] = [
      [{ type: 'circuit:explode', id: 1 }, /unknown message type "circuit:explode"/],
      [{ type: 'circuit:step', id: 2, to: 'sideways' }, /expected to to be/],
      [{ type: 'circuit:step', id: 3, to: 1.5 }, /whole number/],
      [{ type: 'circuit:step', id: 4, to: -1 }, /whole number/],
      [{ type: 'circuit:step', id: 5 }, /but found nothing/],
      [{ type: 'circuit:load', id: 6, source: 42 }, /expected source to be a string but found the number 42/],
      [{ type: 'circuit:load', id: 7, source: big }, /at most 100000 characters/],
      [{ type: 'circuit:load', id: 8, source: 'f = 1', step: 'next' }, /expected step/],
      [{ type: 'circuit:set', id: 9, name: 5, value: 1 }, /expected name to be a string/],
      [{ type: 'circuit:set', id: 10, name: 'x', value: '3' }, /expected value to be a finite number/],
      [{ type: 'circuit:set', id: 11, name: 'x', value: NaN }, /finite number but found NaN/],
      [{ type: 'circuit:set', id: 12, name: 'x', value: Infinity }, /finite number but found Infinity/],
      [{ type: 'circuit:set', id: 13, name: 'nope', value: 1 }, /unknown input name "nope": expected one of x, y, z/],
      [{ type: 'circuit:set', id: 14, name: '__proto__', value: 1 }, /unknown input name "__proto__"/],
      [{ type: 'circuit:set', id: 15, name: 'toString', value: 1 }, /unknown input name "toString"/],
      [{ type: 'circuit:get', id: 16, extra: true }, /unexpected field "extra" in circuit:get/],
      [{ type: 'circuit:load', id: 17, source: 'f = 1', stp: 3 }, /unexpected field "stp"/],
    ];
    for (const [message, pattern] of cases) {
      const reply = await host.request(message);
      expect(reply, JSON.stringify(message).slice(0, 80)).toMatchObject({ type: 'circuit:error', id: message.id });
      expect(reply!.message as string).toMatch(pattern);
      expect(reply).not.toHaveProperty('line');
    }
    // An id that cannot be echoed: the error comes without one.
    for (const id of [{ nested: 1 }, NaN, Infinity, true, 'i'.repeat(257)]) {
      const before = (await host.received()).length;
      await host.send({ type: 'circuit:get', id });
      await expect.poll(async () => (await host.received()).length).toBe(before + 1);
      const reply = (await host.received())[before]!.data;
      expect(reply.type).toBe('circuit:error');
      expect(reply).not.toHaveProperty('id');
      expect(reply.message).toMatch(/expected id to be a string/);
    }
    // Nothing above changed the circuit.
    expect(await host.state()).toMatchObject({ source: FIRST_EXAMPLE.source, step: 0 });
  });

  test('messages that are not circuit: requests are ignored without a reply', async () => {
    await host.open();
    const before = (await host.received()).length;
    for (const junk of [null, undefined, 42, 'circuit:get', ['circuit:get'], { type: 5 }, { type: 'hello' }, { type: 'CIRCUIT:get' },
      { kind: 'circuit:get' }, { type: 'circuit' }, new Date(0), { type: ['circuit:get'] }]) {
      await host.send(junk);
    }
    const state = await host.state('after junk');
    const after = (await host.received()).slice(before).map((m) => m.data);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ type: 'circuit:state', id: 'after junk', step: 0 });
    expect(state.source).toBe(FIRST_EXAMPLE.source);
  });

  test('messages from a sibling frame or from the app itself are ignored', async () => {
    await host.open({ sibling: true });
    const sibling = host.page.frame({ name: 'sibling' })!;
    await sibling.waitForLoadState();
    await sibling.evaluate(() => {
      const app = window.parent.frames[0]!;
      app.postMessage({ type: 'circuit:step', id: 'sibling', to: 'end' }, '*');
      app.postMessage({ type: 'circuit:load', id: 'sibling', source: 'f = 666' }, '*');
    });
    await host.appFrame().evaluate(() => window.postMessage({ type: 'circuit:step', id: 'self', to: 'end' }, '*'));
    await host.page.waitForTimeout(300);
    const state = await host.state();
    expect(state).toMatchObject({ source: FIRST_EXAMPLE.source, step: 0 });
    const ids = (await host.received()).map((m) => m.data.id);
    expect(ids).not.toContain('sibling');
    expect(ids).not.toContain('self');
  });

  test('origin= pins the API: the named host is answered, any other is ignored', async () => {
    await host.open({ app: `?embed=1&origin=${encodeURIComponent(HOST_ORIGIN)}` });
    expect(await host.state('pinned')).toMatchObject({ id: 'pinned', step: 0 });

    await host.open({ app: '?embed=1&origin=https://course.example.org', ready: false });
    await expect(host.app.getByTestId('circuit.svg')).toBeVisible();
    expect(await host.request({ type: 'circuit:step', id: 'foreign', to: 'end' }, 700)).toBeNull();
    await expect(host.app.getByTestId('steps.progress')).toHaveAttribute('data-step', '0');
    expect(await host.received()).toEqual([]);
    // NOTE: Chrome logs the ready message it refused to deliver to another origin; that is the pin working.
    const refused = (p: string) => p.includes("does not match the recipient window's origin");
    expect(host.problems.filter(refused).length).toBeLessThanOrEqual(1);
    host.problems.splice(0, host.problems.length, ...host.problems.filter((p) => !refused(p)));

    // Not an origin at all: the API accepts nothing rather than everything.
    await host.open({ app: '?embed=1&origin=course.example.org/path', ready: false });
    await expect(host.app.getByTestId('circuit.svg')).toBeVisible();
    expect(await host.request({ type: 'circuit:get', id: 'x' }, 500)).toBeNull();
    expect(await host.received()).toEqual([]);
  });

  test('the user’s own changes are sent to the host, once each, without an id', async () => {
    await host.open({ app: '?embed=1&inputs=1' });
    await host.state('hello');
    const before = (await host.received()).length;
    await host.app.getByTestId('steps.next').click();
    await expect.poll(async () => (await host.received()).length).toBe(before + 1);
    await host.app.getByTestId('steps.end').click();
    await expect.poll(async () => (await host.received()).length).toBe(before + 2);
    const value = host.app.getByTestId('inputs.value.x');
    await value.fill('1');
    await value.press('Enter');
    await expect.poll(async () => (await host.received()).length).toBe(before + 3);
    await host.page.waitForTimeout(300);
    const updates = (await host.received()).slice(before).map((m) => m.data as StateReply);
    expect(updates).toHaveLength(3);
    expect(updates.map((u) => [u.type, u.step, 'id' in u])).toEqual([['circuit:state', 1, false], ['circuit:state', 5, false], ['circuit:state', 5, false]]);
    expect(updates[2]!.output.value).toBe(-24);
    // A request's own change is answered once, not echoed as an update too.
    await host.request({ type: 'circuit:step', id: 'mine', to: 'start' });
    await host.page.waitForTimeout(200);
    expect((await host.received()).slice(before + 3).map((m) => m.data.id)).toEqual(['mine']);
  });

  test('in a sandboxed iframe (allow-scripts only) it computes, answers, and logs no errors', async () => {
    await host.open({ sandbox: 'allow-scripts', app: '?embed=1&editor=1&inputs=1' });
    const ready = (await host.received()).find((m) => m.data.type === 'circuit:ready');
    expect(ready?.origin, 'the sandboxed app has an opaque origin').toBe('null');
    const example = examples.find((e) => e.id === 'lecture-2')!;
    const state = await host.request<StateReply>({ type: 'circuit:load', id: 'sandboxed', source: example.source, step: 'end' });
    expect(state!.output.value).toBeCloseTo(example.values.f!, PRECISION);
    expect(wire(state!, 'x1').grad).toBeCloseTo(example.grads.x1!, PRECISION);
    expect((await host.request<StateReply>({ type: 'circuit:set', id: 's', name: 'w0', value: 3 }))!.source).toContain('w0 = 3');
    expect((await host.request({ type: 'circuit:load', id: 'e', source: 'f = (x +' }))).toMatchObject({ type: 'circuit:error', line: 1, column: 9 });
    // The user's edits go through the same paths as outside a sandbox (history and storage are off limits here).
    await host.app.getByTestId('editor.input').fill('x = 2\nf = x * x');
    await host.app.getByTestId('steps.start').click();
    await host.app.getByTestId('steps.end').click();
    await expect(host.app.locator('[data-testid="circuit.svg"] text.grad[data-id="x"]')).toHaveAttribute('data-grad', '4.00');
    await host.page.waitForTimeout(400);
  });
});

test.describe('the embed layout', () => {
  test('shows just the circuit, the step controls and an "open in full app" link to the same view', async () => {
    await host.open({ app: `?embed=1&f=${encodeURIComponent(lecture1.source)}&step=3` });
    await expect(host.app.getByTestId('circuit.svg')).toBeVisible();
    await expect(host.app.getByTestId('steps.next')).toBeVisible();
    await expect(host.app.getByTestId('editor.input')).toHaveCount(0);
    await expect(host.app.getByTestId('inputs.value.x')).toHaveCount(0);
    await expect(host.app.getByTestId('share.toggle')).toHaveCount(0);
    const link = host.app.getByTestId('embed.open-full');
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', /noopener/);
    const href = new URL((await link.getAttribute('href'))!);
    expect(href.origin).toBe(appOrigin);
    expect(href.searchParams.get('f')).toBe(lecture1.source);
    expect(href.searchParams.get('step')).toBe('3');
    expect(href.searchParams.has('embed')).toBe(false);
    await host.app.getByTestId('steps.next').click();
    await expect(link).toHaveAttribute('href', /step=4/);
  });

  test('a formula error in the link is shown as text where the editor would be', async ({ page }) => {
    await watchPrototype(page);
    await host.open({ app: `?embed=1&f=${encodeURIComponent(ATTACKS[0])}` });
    await expect(host.app.getByTestId('embed.error')).toContainText('Line 1, column 1:');
    expect(await host.request({ type: 'circuit:get', id: 'g' })).toMatchObject({ type: 'circuit:error', id: 'g', line: 1, column: 1 });
    await expectUnharmed(host.appFrame());
  });

  test('the app may be framed anywhere, and its own policy forbids eval', async ({ request, baseURL }) => {
    const response = await request.get(`${baseURL}/?embed=1`);
    expect(response.headers()['x-frame-options']).toBeUndefined();
    expect(response.headers()['content-security-policy'] ?? '').not.toContain('frame-ancestors');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await response.text())?.[1] ?? '';
    // WebAssembly may be compiled (the tensor engine's own fixed SIMD kernel); JavaScript may never be evaluated.
    expect(/script-src ([^;]*)/.exec(policy)?.[1]).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy).not.toContain('frame-ancestors');
  });

  test('editor=1 and inputs=1 add those panels; explain=1 adds the explanation', async () => {
    await host.open({ app: '?embed=1&editor=1&inputs=1&explain=1', width: 900, height: 520 });
    await expect(host.app.getByTestId('editor.input')).toBeVisible();
    await expect(host.app.getByTestId('inputs.value.x')).toBeVisible();
    await expect(host.app.getByTestId('explain')).toBeVisible();
    expect(await host.overflow()).toEqual({ x: 0, y: 0 });
  });

  for (const app of ['?embed=1', '?embed=1&editor=1&inputs=1']) {
    test(`fills a 320×240 frame without scrollbars, shows the whole circuit, and refits on resize (${app})`, async () => {
      await host.open({ app: `${app}&f=${encodeURIComponent(examples[1]!.source)}`, width: 320, height: 240 });
      await expect(host.app.getByTestId('circuit.svg').locator('g.node').first()).toBeVisible();
      for (const [width, height] of [[320, 240], [640, 400], [360, 300], [1000, 600]] as const) {
        await host.page.evaluate(([w, h]) => window.resizeApp(w, h), [width, height] as const);
        await expect.poll(() => host.overflow(), `scrollbars at ${width}×${height}`).toEqual({ x: 0, y: 0 });
        // Every gate lies inside the circuit's box once the view has refitted.
        await expect.poll(() => host.appFrame().evaluate(() => {
          const box = document.querySelector('[data-testid="circuit.svg"]')!.getBoundingClientRect();
          const nodes = [...document.querySelectorAll('[data-testid="circuit.svg"] g.node')].map((e) => e.getBoundingClientRect());
          if (box.width < 100 || box.height < 60 || nodes.length === 0) return false;
          return nodes.every((n) => n.left >= box.left - 1 && n.top >= box.top - 1 && n.right <= box.right + 1 && n.bottom <= box.bottom + 1);
        }), `circuit visible at ${width}×${height}`).toBe(true);
      }
    });
  }
});

test.describe('hostile text through circuit:load and circuit:set', () => {
  test('is never run or injected, and leaves Object.prototype alone', async ({ page }) => {
    await watchPrototype(page);
    await host.open({ app: '?embed=1&editor=1&inputs=1' });
    for (const source of ATTACKS) {
      const reply = await host.request({ type: 'circuit:load', id: source, source, step: 'end' });
      expect(['circuit:state', 'circuit:error']).toContain(reply?.type);
      if (reply?.type === 'circuit:error') expect(reply.message).toEqual(expect.any(String));
      await expectEditorText(host.app.getByTestId('editor.input'), source);
    }
    const proto = await host.request<StateReply>({ type: 'circuit:load', id: 'p', source: 'x = 1\n__proto__ = 2\nf = __proto__ * x', step: 'end' });
    expect(proto!.inputs.map((i) => i.name)).toEqual(['x', '__proto__']);
    expect(proto!.output.value).toBe(2);
    expect((await host.request<StateReply>({ type: 'circuit:set', id: 's', name: '__proto__', value: 5 }))!.output.value).toBe(5);
    await host.page.evaluate(() => {
      window.send(JSON.parse('{"type":"circuit:get","id":"json-proto","__proto__":{"polluted":true}}'));
      window.send(JSON.parse('{"type":"circuit:load","source":"f = 1","constructor":{"prototype":{"polluted":true}}}'));
    });
    await host.page.waitForTimeout(300);
    await expectUnharmed(host.appFrame());
    await expectUnharmed(host.page);
  });
});
