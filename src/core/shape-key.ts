import type { Circuit, CircuitNode } from './circuit.ts';

/**
 * Equal for two circuits of the same shape (ids, kinds, ops, constants, wiring, names, tensor shapes), so a drawing is
 * reused only when it matches. Two 32-bit hashes of every field instead of a 250,000-part string: 64 bits make a
 * collision between two circuits shown one after the other unthinkable, and no string of megabytes is built.
 */
export function shapeKey(circuit: Circuit): string {
  const hash = new ShapeHash();
  const { nodes } = circuit;
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i] as CircuitNode;
    hash.text(n.id);
    hash.text(n.kind);
    hash.text(n.op ?? '');
    if (n.kind !== 'input') hash.number(n.c);
    for (let j = 0; j < n.args.length; j++) hash.number(n.args[j] as number);
    hash.mark(1);
    for (let j = 0; j < n.names.length; j++) hash.text(n.names[j] as string);
    hash.mark(2);
    for (let j = 0; j < n.shape.length; j++) hash.number(n.shape[j] as number);
    hash.mark(3);
  }
  return `${nodes.length}:${(hash.a >>> 0).toString(36)}:${(hash.b >>> 0).toString(36)}`;
}

/** FNV-1a and a murmur-style mix side by side; marks (above any UTF-16 unit) end each field, so fields cannot run together. */
class ShapeHash {
  a = 0x811c9dc5;
  b = 0x9747b28c;

  mix(x: number): void {
    this.a = Math.imul(this.a ^ x, 0x01000193);
    const b = Math.imul(this.b ^ x, 0x5bd1e995);
    this.b = b ^ (b >>> 15);
  }

  mark(k: number): void {
    this.mix(0x10000 + k);
  }

  text(s: string): void {
    for (let i = 0; i < s.length; i++) this.mix(s.charCodeAt(i));
    this.mark(0);
  }

  number(x: number): void {
    if (Number.isInteger(x) && Math.abs(x) < 2 ** 31) this.mix(x | 0);
    else this.text(String(x));
    this.mark(4);
  }
}
