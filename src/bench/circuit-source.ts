import { seededRandom } from './generate-sources.ts';

/**
 * A formula of exactly `gates` gates of mixed kinds (*, +, tanh, max, σ, *c): each statement reads one or two recent wires,
 * so wires fan out and layers form. Seeded, so every run draws the same circuit.
 */
export function mixedCircuitSource(gates: number, seed = 1): string {
  const random = seededRandom(seed);
  const inputs = Math.min(10, Math.max(2, Math.round(Math.sqrt(gates))));
  const lines: string[] = [];
  for (let i = 0; i < inputs; i++) lines.push(`x${i} = ${(random() * 2 - 1).toFixed(2)}`);
  const wires = Array.from({ length: inputs }, (_, i) => `x${i}`);
  const recent = () => wires[Math.max(0, wires.length - 1 - Math.floor(random() * Math.min(wires.length, 12)))] as string;
  for (let k = 1; k <= gates; k++) {
    const a = recent();
    const b = recent();
    const r = random();
    const expr = r < 0.3 ? `${a} * ${b}` : r < 0.6 ? `${a} + ${b}` : r < 0.75 ? `tanh(${a})` : r < 0.85 ? `max(${a}, ${b})` : r < 0.95 ? `sigmoid(${a})` : `${a} * 0.5`;
    lines.push(`g${k} = ${expr}`);
    wires.push(`g${k}`);
  }
  return lines.join('\n');
}
