/** Runs steps to their end at once, as code that needs the result now (a link, a host page, a test) does. */
export function runToEnd<T>(steps: Generator<unknown, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
