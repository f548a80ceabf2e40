// Subsets the DejaVu fonts the circuit is drawn in to the characters it uses, as woff2 in public/fonts/.
// Run: node scripts/subset-fonts.mjs [font directory] (default /usr/share/fonts/truetype/dejavu).
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import subsetFont from 'subset-font';

const source = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu';
const out = new URL('../public/fonts/', import.meta.url);
const FONTS = ['DejaVuSans', 'DejaVuSans-Bold', 'DejaVuSans-Oblique', 'DejaVuSans-BoldOblique', 'DejaVuSansMono'];
const RANGES = [
  [0x20, 0x7e], // Basic Latin
  [0xa0, 0xff], // Latin-1
  [0x370, 0x3ff], // Greek
  [0x1d40, 0x1d40], // ᵀ
  [0x2000, 0x206f], // general punctuation: ‖ … – —
  [0x2070, 0x209f], // super- and subscripts
  [0x2190, 0x21ff], // arrows
  [0x2200, 0x22ff], // mathematical operators: ∂ ∑ · × − ≥
  [0x2300, 0x23ff], // miscellaneous technical: ⌈ ⌉ ⌊ ⌋
  [0x25a0, 0x25ff], // geometric shapes: ▸ ●
];
const text = RANGES.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => String.fromCodePoint(a + i))).join('');
for (const name of FONTS) {
  const subset = await subsetFont(readFileSync(join(source, `${name}.ttf`)), text, { targetFormat: 'woff2' });
  const file = new URL(`${name}.woff2`, out);
  writeFileSync(file, subset);
  console.log(`${name}.woff2 ${(statSync(file).size / 1024).toFixed(1)} KiB`);
}
