import { broadcastShapes, describeShape, matmulShape, reducedShape, type Shape } from './shape.ts';

/** A shape, or what is wrong, in words for the error message. */
export type ShapeResult = { ok: true; shape: Shape } | { ok: false; message: string };

const ok = (shape: Shape): ShapeResult => ({ ok: true, shape });
const fail = (message: string): ShapeResult => ({ ok: false, message });
const a = (s: Shape) => (s.length === 0 ? 'a scalar' : `a ${describeShape(s)}`);

/** `what` is how the operation is named in the message: `'+'`, `max`, ... */
export function elementwiseRule(what: string, left: Shape, right: Shape): ShapeResult {
  const shape = broadcastShapes(left, right);
  if (shape) return ok(shape);
  return fail(`${what} cannot combine ${a(left)} with ${a(right)}: expected equal shapes, a scalar, or sizes of 1 that stretch (NumPy broadcasting)`);
}

export function matmulRule(what: string, left: Shape, right: Shape): ShapeResult {
  if (left.length === 0 || right.length === 0) {
    const side = left.length === 0 ? 'left' : 'right';
    return fail(`${what} expected vectors or matrices on both sides but found a scalar on the ${side}: use '*' to scale`);
  }
  const shape = matmulShape(left, right);
  if (shape) return ok(shape);
  const inner = left[left.length - 1];
  const outer = right[0];
  return fail(`${what} cannot multiply ${a(left)} by ${a(right)}: expected the inner sizes to match, but found ${inner} and ${outer}`);
}

/** `axis` is -1 for a reduction over everything. */
export function reduceRule(left: Shape, axis: number): ShapeResult {
  if (axis >= 0 && left.length === 0) return fail(`a scalar has no axis ${axis}: expected sum(x) without an axis`);
  if (axis >= left.length) return fail(`${a(left)} has only axis 0: expected the axis 0`);
  return ok(reducedShape(left, axis));
}
