/**
 * The circuit as drawn, taken away as a picture: an SVG that needs nothing of the page (its styles inlined, its fonts
 * embedded) and a PNG rasterised from it at 1× or 2×.
 */

import { runInSlices } from '../state/run-in-slices.ts';

export interface ImageOptions {
  readonly background: 'theme' | 'transparent';
}

export interface CircuitPicture {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** The colour of the background rect, or null for a transparent picture. */
  readonly background: string | null;
}

/** Room around the circuit, in drawing units. */
export const PADDING = 12;

/** The computed properties that make the look; everything else comes from the SVG defaults. */
const PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap',
  'paint-order', 'opacity', 'font-family', 'font-size', 'font-weight', 'font-style', 'text-anchor', 'dominant-baseline',
  'visibility', 'display', 'image-rendering',
] as const;

const LOOK_ATTRIBUTES: ReadonlySet<string> = new Set(PROPERTIES);

/** The faces in public/fonts/ (made by scripts/subset-fonts.mjs), as the @font-face rules of src/styles.css name them. */
const FACES = [
  { file: 'DejaVuSans.woff2', family: 'DejaVu Sans', weight: 400, style: 'normal' },
  { file: 'DejaVuSans-Bold.woff2', family: 'DejaVu Sans', weight: 700, style: 'normal' },
  { file: 'DejaVuSans-Oblique.woff2', family: 'DejaVu Sans', weight: 400, style: 'italic' },
  { file: 'DejaVuSans-BoldOblique.woff2', family: 'DejaVu Sans', weight: 700, style: 'italic' },
  { file: 'DejaVuSansMono.woff2', family: 'DejaVu Sans Mono', weight: 400, style: 'normal' },
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

const dataUrl = (blob: Blob): Promise<string> =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('could not read the blob'));
    reader.readAsDataURL(blob);
  });

let fontRules: Promise<string> | null = null;
/** The fonts as @font-face rules with data: URLs, fetched once from `./fonts/`. */
function embeddedFonts(): Promise<string> {
  fontRules ??= Promise.all(FACES.map(async (face) => {
    const response = await fetch(new URL(`fonts/${face.file}`, document.baseURI));
    if (!response.ok) throw new Error(`fonts/${face.file}: ${response.status}`);
    const url = await dataUrl(new Blob([await response.arrayBuffer()], { type: 'font/woff2' }));
    return `@font-face { font-family: '${face.family}'; src: url(${url}) format('woff2'); font-weight: ${face.weight}; font-style: ${face.style}; }`;
  })).then((rules) => rules.join('\n'), (error: unknown) => {
    fontRules = null;
    throw error;
  });
  return fontRules;
}

/**
 * Copies the computed look of `live` onto its clone `copy`, element by element, a step each; answers false when the
 * root is not shown. The circuit's styles follow from tag, classes, presentation attributes and ancestors only (no
 * attribute or sibling selectors), so elements that agree on those share one computed style: read once per kind, not
 * once per element (10,000 reads at 1,000 gates). An element that is not shown is left out of the copy.
 */
function* inlineSteps(live: Element, copy: Element): Generator<void, boolean> {
  const looks = new Map<string, string | null>();
  const stack: [Element, Element, string][] = [[live, copy, '']];
  for (let pair = stack.pop(); pair; pair = stack.pop()) {
    const [from, to, parentKey] = pair;
    let key = `${parentKey}>${from.tagName}`;
    for (const { name, value } of from.attributes) if (name === 'class' || name === 'style' || LOOK_ATTRIBUTES.has(name)) key += ` ${name}=${value}`;
    if (from === document.activeElement) key += ':focus';
    let look = looks.get(key);
    if (look === undefined) {
      const style = getComputedStyle(from);
      look = style.display === 'none' || style.visibility === 'hidden' ? null : PROPERTIES.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';');
      looks.set(key, look);
    }
    if (look === null) {
      if (to === copy) return false;
      to.remove();
      continue;
    }
    to.setAttribute('style', look);
    const fromChildren = from.children;
    const toChildren = Array.from(to.children);
    for (let i = fromChildren.length - 1; i >= 0; i--) {
      const twin = toChildren[i];
      if (twin) stack.push([fromChildren[i] as Element, twin, key]);
    }
    yield;
  }
  return true;
}

/** Elements with more children than this are written a child a step, so that a big circuit's file is made in slices. */
const WRITTEN_WHOLE = 64;

/**
 * The copy as XML, its big groups (wires, gates, labels) a child a step: each is taken out for a placeholder while
 * the rest is written, then written on its own, and put back in its place.
 */
function* serializeSteps(root: Element): Generator<void, string> {
  const xml = new XMLSerializer();
  const groups = Array.from(root.querySelectorAll('*')).filter((el) => el.children.length > WRITTEN_WHOLE);
  const held = groups.map((group, i) => {
    const children = Array.from(group.children);
    group.replaceChildren(document.createComment(`slot ${i}`));
    return children;
  });
  let text = xml.serializeToString(root);
  yield;
  for (const [i, children] of held.entries()) {
    const parts: string[] = [];
    for (const child of children) {
      // Written on its own, a child declares the SVG namespace its group already has.
      parts.push(xml.serializeToString(child).replace(` xmlns="${SVG_NS}"`, ''));
      yield;
    }
    text = text.replace(`<!--slot ${i}-->`, () => parts.join(''));
  }
  return text;
}

/** Runs steps a slice per task (runInSlices) and resolves with their result, or rejects with what one threw. */
function inSlices<T>(steps: Generator<unknown, T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const guarded = (function* (): Generator<unknown, T | undefined> {
      try {
        return yield* steps;
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
        return undefined;
      }
    })();
    runInSlices(guarded, () => true, (result) => resolve(result as T));
  });
}

/**
 * The circuit in `svg` (drawn by CircuitView) as a standalone SVG file: the whole scene of `size` at one unit a pixel,
 * its labels all shown whatever the zoom, with a rect of the theme's background unless it is transparent.
 */
export async function circuitSvg(svg: SVGSVGElement, size: { width: number; height: number }, options: ImageOptions): Promise<CircuitPicture> {
  const fonts = await embeddedFonts();
  const width = Math.ceil(size.width + 2 * PADDING);
  const height = Math.ceil(size.height + 2 * PADDING);
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Labels hidden by a small zoom are shown in the picture: read the styles as they are at a readable zoom.
  const hidden = svg.classList.contains('labels-hidden');
  if (hidden) svg.classList.remove('labels-hidden');
  try {
    await inSlices(inlineSteps(svg, copy));
  } finally {
    if (hidden) svg.classList.add('labels-hidden');
  }
  copy.classList.remove('labels-hidden');
  for (const name of ['style', 'role', 'aria-label', 'data-testid', 'data-follow', 'data-current', 'data-nodes', 'data-scenes']) copy.removeAttribute(name);
  const rootStyle = getComputedStyle(svg);
  copy.setAttribute('style', `font-family:${rootStyle.fontFamily}`);
  copy.setAttribute('xmlns', SVG_NS);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.setAttribute('viewBox', `0 0 ${width} ${height}`);
  copy.querySelector('g.viewport')?.setAttribute('transform', `translate(${PADDING},${PADDING})`);
  copy.querySelector('g.tooltip')?.remove();
  const defs = document.createElementNS(SVG_NS, 'defs');
  const style = document.createElementNS(SVG_NS, 'style');
  style.textContent = fonts;
  defs.append(style);
  const background = options.background === 'theme' ? rootStyle.getPropertyValue('--bg').trim() || '#ffffff' : null;
  if (background) {
    const rect = document.createElementNS(SVG_NS, 'rect');
    rect.setAttribute('width', String(width));
    rect.setAttribute('height', String(height));
    rect.setAttribute('fill', background);
    copy.prepend(rect);
  }
  copy.prepend(defs);
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${await inSlices(serializeSteps(copy))}`, width, height, background };
}

/** An SVG file's text as a data: URL (which the app's CSP allows for images, where blob: is not). */
export const svgDataUrl = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

/** Browsers refuse canvases beyond about this many pixels a side (Chromium: 32767) or in all (Chromium: 268 million). */
const MAX_SIDE = 16_384;
const MAX_AREA = 16_384 * 8_192;

/** The PNG's pixels a unit: `scale`, or less where a very large circuit would not fit a canvas at it. */
export function pngScale(width: number, height: number, scale: number): number {
  const fit = Math.min(MAX_SIDE / width, MAX_SIDE / height, Math.sqrt(MAX_AREA / (width * height)));
  return fit >= scale ? scale : fit;
}

/** The PNG's size in pixels at `scale` (see pngScale). */
export const pngSize = (width: number, height: number, scale: number) => {
  const k = pngScale(width, height, scale);
  return { width: Math.floor(width * k), height: Math.floor(height * k) };
};

/** The SVG rasterised at `scale` device pixels a unit (less for a circuit too large for a canvas at it), as a PNG. */
export async function circuitPng(svg: string, width: number, height: number, scale: 1 | 2): Promise<Blob> {
  const image = new Image(width, height);
  image.src = svgDataUrl(svg);
  await image.decode();
  const canvas = document.createElement('canvas');
  const size = pngSize(width, height, scale);
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D canvas');
  context.scale(size.width / width, size.height / height);
  context.drawImage(image, 0, 0, width, height);
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}

export { dataUrl as blobDataUrl };
