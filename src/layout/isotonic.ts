/** Scratch for `fitNonDecreasing`, one entry per value at most. */
export interface BlockScratch {
  readonly weight: Float64Array;
  readonly weightedSum: Float64Array;
  readonly end: Int32Array;
}

export function blockScratch(size: number): BlockScratch {
  return { weight: new Float64Array(size), weightedSum: new Float64Array(size), end: new Int32Array(size) };
}

/**
 * The non-decreasing sequence closest to `target` in weighted least squares, written to `fit`: pool adjacent
 * violators, O(count). Weights must be positive.
 */
export function fitNonDecreasing(
  target: Float64Array,
  weight: Float64Array,
  count: number,
  fit: Float64Array,
  blocks: BlockScratch,
): void {
  let blockCount = 0;
  for (let i = 0; i < count; i++) {
    let w = weight[i]!;
    let sum = w * target[i]!;
    while (blockCount > 0 && blocks.weightedSum[blockCount - 1]! / blocks.weight[blockCount - 1]! > sum / w) {
      blockCount--;
      w += blocks.weight[blockCount]!;
      sum += blocks.weightedSum[blockCount]!;
    }
    blocks.weight[blockCount] = w;
    blocks.weightedSum[blockCount] = sum;
    blocks.end[blockCount++] = i + 1;
  }
  for (let b = 0, i = 0; b < blockCount; b++) {
    const mean = blocks.weightedSum[b]! / blocks.weight[b]!;
    for (; i < blocks.end[b]!; i++) fit[i] = mean;
  }
}
