import { Deflate, Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';

/**
 * Text packed for a link: DEFLATE (fflate, level 9), then base64url, so a ten-slide deck or a 300-gate formula stays a
 * link that chat and LMS fields accept. Unpacking stops at `maxLength` characters' worth of bytes, so a small
 * link cannot expand into gigabytes, and returns null for anything that is not a packed text.
 */
export function packText(text: string): string {
  return toBase64Url(deflateSync(strToU8(text), { level: 9 }));
}

/** What packText packs in one piece, packTextSoon packs in pieces this long, one a task: 16 KB of formula, 5 to 20 ms. */
const PACK_SLICE = 16 * 1024;

/**
 * packText without a long task, for a text of up to 2,000,000 characters (0.1 to 0.3 s of DEFLATE in one piece): a
 * slice per task, then `done` with a text that unpacks as packText's does. Returns a cancel.
 */
export function packTextSoon(text: string, done: (packed: string) => void): () => void {
  const bytes = strToU8(text);
  const parts: Uint8Array[] = [];
  const deflate = new Deflate({ level: 9 }, (chunk) => parts.push(chunk));
  let at = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const slice = () => {
    const end = Math.min(bytes.length, at + PACK_SLICE);
    deflate.push(bytes.subarray(at, end), end === bytes.length);
    at = end;
    if (at < bytes.length) return void (timer = setTimeout(slice, 0));
    const all = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (all.set(p, offset), offset + p.length), 0);
    done(toBase64Url(all));
  };
  timer = setTimeout(slice, 0);
  return () => clearTimeout(timer);
}

export function unpackText(packed: string, maxLength: number): string | null {
  const bytes = fromBase64Url(packed);
  if (!bytes) return null;
  const limit = 4 * maxLength; // UTF-8 takes at most four bytes a character
  const chunks: Uint8Array[] = [];
  let size = 0;
  let failed = false;
  const inflate = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) failed = true;
    else chunks.push(chunk);
  });
  try {
    for (let i = 0; i < bytes.length && !failed; i += CHUNK) inflate.push(bytes.subarray(i, i + CHUNK), i + CHUNK >= bytes.length);
  } catch {
    return null;
  }
  if (failed) return null;
  const all = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  try {
    const text = strFromU8(all);
    return text.length <= maxLength ? text : null;
  } catch {
    return null;
  }
}

const CHUNK = 16 * 1024;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] as number) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let acc = 0;
  let at = 0;
  for (const ch of text) {
    acc = (acc << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (acc >> bits) & 255;
    }
  }
  return out;
}
