/**
 * Saved parameter values at every k-th iteration of a run, in one flat buffer within a fixed budget. When the next
 * checkpoint would not fit, every other one is dropped and k doubles, so a run of any length keeps checkpoints spread
 * evenly over it. The first (iteration 0) is always kept. A checkpoint may be narrower than later ones: parameters
 * added to a run later were never trained before, so their values there are the run's starting values.
 */
export class Checkpoints {
  /** Iterations between checkpoints. */
  interval = 1;
  private data: Float64Array;
  private iterations: number[] = [];
  private starts: number[] = [];
  private widths: number[] = [];
  private used = 0;
  private readonly budgetWords: number;

  constructor(budgetBytes: number) {
    this.budgetWords = Math.max(1, Math.floor(budgetBytes / Float64Array.BYTES_PER_ELEMENT));
    this.data = new Float64Array(Math.min(this.budgetWords, 1024));
  }

  get count(): number {
    return this.iterations.length;
  }

  get bytes(): number {
    return this.used * Float64Array.BYTES_PER_ELEMENT;
  }

  /** Offers the values at `iteration` (increasing from call to call); kept when it falls on the current interval. */
  offer(iteration: number, values: ArrayLike<number>): void {
    if (iteration % this.interval !== 0) return;
    // The first checkpoint is kept whatever its size: a run can always be replayed from its start.
    while (this.count > 0 && this.used + values.length > this.budgetWords) {
      if (this.count === 1) return;
      this.thin();
      if (iteration % this.interval !== 0) return;
    }
    this.reserve(this.used + values.length);
    this.data.set(values, this.used);
    this.iterations.push(iteration);
    this.starts.push(this.used);
    this.widths.push(values.length);
    this.used += values.length;
  }

  /** The last checkpoint at or before `iteration`: its iteration and values. */
  nearest(iteration: number): { iteration: number; values: Float64Array } {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.iterations[mid] as number) <= iteration) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] as number;
    return { iteration: this.iterations[lo] as number, values: this.data.subarray(start, start + (this.widths[lo] as number)) };
  }

  /** Drops the checkpoints off the doubled interval, compacting the buffer. */
  private thin(): void {
    this.interval *= 2;
    let write = 0;
    let kept = 0;
    for (let j = 0; j < this.count; j++) {
      if ((this.iterations[j] as number) % this.interval !== 0) continue;
      const start = this.starts[j] as number;
      const width = this.widths[j] as number;
      this.data.copyWithin(write, start, start + width);
      this.iterations[kept] = this.iterations[j] as number;
      this.starts[kept] = write;
      this.widths[kept] = width;
      write += width;
      kept++;
    }
    this.iterations.length = this.starts.length = this.widths.length = kept;
    this.used = write;
  }

  private reserve(words: number): void {
    if (words <= this.data.length) return;
    const grown = new Float64Array(Math.max(words, Math.min(this.budgetWords, this.data.length * 2)));
    grown.set(this.data.subarray(0, this.used));
    this.data = grown;
  }
}
