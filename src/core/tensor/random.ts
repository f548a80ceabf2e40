/**
 * Deterministic numbers for `randn(..)` and `rand(..)`: the same name and call always give the same values, so a
 * formula means one circuit wherever it is opened, and editing another line does not reshuffle them.
 */
export function seededValues(kind: 'randn' | 'rand' | 'zeros' | 'ones', count: number, key: string): Float64Array {
  const out = new Float64Array(count);
  if (kind === 'ones') return out.fill(1);
  if (kind === 'zeros') return out;
  const next = mulberry32(hash(key));
  if (kind === 'rand') {
    for (let i = 0; i < count; i++) out[i] = next();
    return out;
  }
  // Box–Muller: two uniforms in (0, 1] give two standard normals.
  for (let i = 0; i < count; i += 2) {
    const u = 1 - next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    out[i] = r * Math.cos(2 * Math.PI * v);
    if (i + 1 < count) out[i + 1] = r * Math.sin(2 * Math.PI * v);
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A small, well-mixed 32-bit generator; uniform in [0, 1). */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
