/**
 * The WebAssembly SIMD kernel for large matrix products: C'[m'×n'] += A'·B' in its own memory, the operands padded
 * to m' even, k' a multiple of 4 and n' even. A hand-assembled module (no toolchain, no network): `simdModule`
 * writes its bytes, `simdCode` its one function. NOTE: f64x2.mul and f64x2.add round as scalar * and + do, and each
 * output element still sums its products one p at a time in ascending order, so the bits equal the JS loops'.
 */

/** Bytes of a 466-byte module with one function, `mm`, and its memory; see `simdCode` for what it runs. */
function simdModule(): Uint8Array {
  const u = (v: number): number[] => (v < 0x80 ? [v] : [(v & 0x7f) | 0x80, ...u(v >>> 7)]);
  const section = (id: number, bytes: number[]) => [id, ...u(bytes.length), ...bytes];
  const name = (s: string) => [s.length, ...[...s].map((ch) => ch.charCodeAt(0))];
  const code = [2, 11, 0x7f, 12, 0x7b, ...simdCode(), 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [1, 0x60, 8, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0]), // (i32 × 8) → ()
    ...section(3, [1, 0]), ...section(5, [1, 0, 1]),
    ...section(7, [2, ...name('mm'), 0, 0, ...name('mem'), 2, 0]),
    ...section(10, [1, ...u(code.length), ...code]),
  ]);
}

/**
 * mm(a, ais, aps, b, c, m, k, nb), byte addresses and strides: for i in 0..m step 2, for p in 0..k step 4, for each
 * 2-column slice j of a row (nb bytes): C[i+r, j] = (((C[i+r, j] + A[i+r,p]·B[p,j]) + A[i+r,p+1]·B[p+1,j]) + …)
 * for r = 0, 1, with A's elements splatted. Two rows and four p at a time quarter the loads and stores of C.
 */
function simdCode(): number[] {
  const [A, AIS, APS, B, C, M, K, NB, I, P, J, A0, A1, BP, C0, C1, B1, B2, B3, X, Y] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 27];
  const get = (l: number) => [0x20, l], set = (l: number) => [0x21, l], c32 = (v: number) => [0x41, v];
  const ADD = 0x6a, MUL = 0x6c, LOOP = [0x03, 0x40], END = 0x0b;
  const simd = (op: number, ...imm: number[]) => [0xfd, ...(op < 0x80 ? [op] : [(op & 0x7f) | 0x80, op >>> 7]), ...imm];
  const load = simd(0x00, 4, 0), store = simd(0x0b, 4, 0), splat = simd(0x0a, 3, 0), fadd = simd(0xf0), fmul = simd(0xf2);
  const sum = (x: number, y: number, to: number) => [...get(x), ...get(y), ADD, ...set(to)];
  const scaled = (x: number, y: number, q: number, to: number) => [...get(x), ...get(y), ...c32(q), MUL, ADD, ...set(to)];
  const loopWhile = (v: number, step: number, end: number) => [...get(v), ...c32(step), ADD, ...set(v), ...get(v), ...get(end), 0x49, 0x0d, 0];
  const update = (c: number, x: number) => [...get(c), ...get(J), ADD, ...get(c), ...get(J), ADD, ...load,
    ...[0, 1, 2, 3].flatMap((q) => [...get(x + q), ...get(Y + q), ...fmul, ...fadd]), ...store];
  return [
    ...c32(0), ...set(I), ...LOOP,
    ...get(C), ...get(I), ...get(NB), MUL, ADD, ...set(C0), ...sum(C0, NB, C1),
    ...get(A), ...get(I), ...get(AIS), MUL, ADD, ...set(A0), ...sum(A0, AIS, A1), ...get(B), ...set(BP), ...c32(0), ...set(P),
    ...LOOP,
    ...[A0, A1].flatMap((a, r) => [0, 1, 2, 3].flatMap((q) => [...get(a), ...get(APS), ...c32(q), MUL, ADD, ...splat, ...set(X + 4 * r + q)])),
    ...sum(BP, NB, B1), ...sum(B1, NB, B2), ...sum(B2, NB, B3), ...c32(0), ...set(J),
    ...LOOP, ...[BP, B1, B2, B3].flatMap((b, q) => [...get(b), ...get(J), ADD, ...load, ...set(Y + q)]),
    ...update(C0, X), ...update(C1, X + 4), ...loopWhile(J, 16, NB), END,
    ...scaled(A0, APS, 4, A0), ...scaled(A1, APS, 4, A1), ...sum(B3, NB, BP), ...loopWhile(P, 4, K), END,
    ...loopWhile(I, 2, M), END,
  ];
}

/** The little of the WebAssembly API used here: the core compiles against plain ES2022, without DOM or Node types. */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: unknown };
}
type Simd = { mm: (a: number, ais: number, aps: number, b: number, c: number, m: number, k: number, nb: number) => void; mem: { buffer: ArrayBuffer; grow(pages: number): number } };
let simd: Simd | null | undefined;
let heap = new Float64Array(0);
let simdAllowed = true;

/**
 * Turns the WebAssembly kernel off or back on, for tests and benchmarks of the JS loops (the bits are the same either
 * way). NOTE: a page whose Content-Security-Policy lacks 'wasm-unsafe-eval' cannot compile it; the JS loops run then.
 */
export function useSimd(on: boolean): void {
  simdAllowed = on;
}

function simdInstance(): Simd | null {
  if (simd === undefined) {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    try {
      simd = api ? (new api.Instance(new api.Module(simdModule())).exports as Simd) : null;
    } catch {
      simd = null; // no WebAssembly SIMD here: the JS loops compute the same bits
    }
  }
  return simd;
}

/**
 * A view of src[start, start + length), made once and kept: the engine's buffers live as long as the engine, so
 * copying with `set` (a memcpy, several times faster than a JS loop) allocates nothing after the first step.
 */
const views = new WeakMap<Float64Array, Map<number, Map<number, Float64Array>>>();
function view(src: Float64Array, start: number, length: number): Float64Array {
  let byLength = views.get(src);
  if (!byLength) views.set(src, (byLength = new Map()));
  let byStart = byLength.get(length);
  if (!byStart) byLength.set(length, (byStart = new Map()));
  let v = byStart.get(start);
  if (!v) byStart.set(start, (v = src.subarray(start, start + length)));
  return v;
}

/**
 * Copies `rows` × `cols` elements, src[so + r·rs + q·cs], into the heap at `to` as rows of `width`, zero-filling each
 * row's tail and the rows up to `height`. Rows already laid out as the heap wants them go in one `set`.
 */
function padded(src: Float64Array, so: number, rs: number, cs: number, rows: number, cols: number, to: number, width: number, height: number): void {
  const h = heap;
  if (cs === 1 && rs === cols && width === cols) h.set(view(src, so, rows * cols), to);
  else {
    for (let r = 0; r < rows; r++) {
      const d = to + r * width, sr = so + r * rs;
      for (let q = 0; q < cols; q++) h[d + q] = src[sr + q * cs] as number;
      for (let q = cols; q < width; q++) h[d + q] = 0;
    }
  }
  h.fill(0, to + rows * width, to + height * width);
}

/**
 * C[m×n] (+)= A'·B' through the SIMD kernel, with A'[i,p] = a[ao + i·ai + p·ap] (ap or ai is 1) and
 * B'[p,j] = b[bo + p·bp + j·bj]. The operands are copied in with zero padding (0·0 adds +0, which changes no sum,
 * since a sum that starts at +0 is never −0), the sums land in a zeroed C' and are then added to C once.
 * Returns false when there is no WebAssembly SIMD.
 */
export function simdMatmul(a: Float64Array, ao: number, ai: number, ap: number, b: Float64Array, bo: number, bp: number, bj: number, c: Float64Array, co: number, m: number, k: number, n: number, add: boolean): boolean {
  const s = simdAllowed ? simdInstance() : null;
  if (!s) return false;
  const m2 = (m + 1) & ~1, k4 = (k + 3) & ~3, n2 = (n + 1) & ~1;
  const aLen = m2 * k4, bOff = aLen, cOff = bOff + k4 * n2, bytes = (cOff + m2 * n2) * 8;
  if (heap.byteLength < bytes || heap.buffer !== s.mem.buffer) {
    if (s.mem.buffer.byteLength < bytes) s.mem.grow(Math.ceil((bytes - s.mem.buffer.byteLength) / 65536));
    heap = new Float64Array(s.mem.buffer);
  }
  // A' rows are whichever of A's axes is contiguous: rows i (ap = 1) or rows p (ai = 1).
  if (ap === 1) padded(a, ao, ai, 1, m, k, 0, k4, m2);
  else padded(a, ao, ap, 1, k, m, 0, m2, k4);
  padded(b, bo, bp, bj, k, n, bOff, n2, k4);
  heap.fill(0, cOff, cOff + m2 * n2);
  s.mm(0, ap === 1 ? k4 * 8 : 8, ap === 1 ? 8 : m2 * 8, bOff * 8, cOff * 8, m2, k4, n2 * 8);
  const h = heap;
  for (let i = 0; i < m; i++) {
    const ci = co + i * n, hi = cOff + i * n2;
    if (add) for (let j = 0; j < n; j++) c[ci + j] = (c[ci + j] as number) + (h[hi + j] as number);
    else for (let j = 0; j < n; j++) c[ci + j] = h[hi + j] as number;
  }
  return true;
}
