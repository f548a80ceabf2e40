/** A slice's length: short enough that a key press or a click waiting behind it is answered well within 100 ms. */
export const SLICE_MS = 25;

const now = () => (typeof performance === 'object' ? performance.now() : Date.now());

/**
 * Runs steps a slice at a time, one slice a task (until `SLICE_MS` have passed), so the page answers input between
 * them. Stops for good, between two steps, once `wanted` answers false (a newer edit); `done` gets the result.
 * Each step's yielded value goes to `progress` (the share done, when the steps know it).
 */
export function runInSlices<T>(
  steps: Generator<unknown, T>, wanted: () => boolean, done: (result: T) => void, progress: (value: unknown) => void = () => {},
): void {
  const slice = () => {
    if (!wanted()) return;
    const end = now() + SLICE_MS;
    for (;;) {
      const next = steps.next();
      if (next.done) return done(next.value);
      progress(next.value);
      if (!wanted()) return;
      if (now() >= end) break;
    }
    setTimeout(slice, 0);
  };
  setTimeout(slice, 0);
}
