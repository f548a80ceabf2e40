/**
 * The postMessage protocol, host → app: turns whatever arrived into a checked request, an error to report, or
 * nothing. Nothing here is evaluated; fields are read only as own properties of a plain object, and every one is
 * checked for type and range before the app acts on it.
 */

import { escapeHidden } from '../core/index.ts';

export type MessageId = string | number;
export type StepRequest = number | 'start' | 'end' | 'next' | 'prev';

export type Request =
  | { readonly type: 'circuit:load'; readonly id?: MessageId; readonly source: string; readonly step?: number | 'start' | 'end' }
  | { readonly type: 'circuit:step'; readonly id?: MessageId; readonly to: StepRequest }
  | { readonly type: 'circuit:set'; readonly id?: MessageId; readonly name: string; readonly value: number }
  | { readonly type: 'circuit:get'; readonly id?: MessageId }
  | { readonly type: 'circuit:quiz'; readonly id?: MessageId; readonly on: boolean };

export type Parsed =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'request'; readonly request: Request }
  | { readonly kind: 'invalid'; readonly id?: MessageId; readonly message: string };

export const PREFIX = 'circuit:';
/** A formula sent by a host: far beyond any lecture circuit, small enough to compile without stalling the page. */
export const MAX_MESSAGE_SOURCE = 100_000;
export const MAX_ID_LENGTH = 256;
const MAX_ECHO = 40;

const FIELDS: Record<Request['type'], readonly string[]> = {
  'circuit:load': ['type', 'id', 'source', 'step'],
  'circuit:step': ['type', 'id', 'to'],
  'circuit:set': ['type', 'id', 'name', 'value'],
  'circuit:get': ['type', 'id'],
  'circuit:quiz': ['type', 'id', 'on'],
};
const TYPES = Object.keys(FIELDS) as Request['type'][];

/** A short description of a found value for error messages: its kind, never its content. */
export function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'number') return Number.isNaN(v) ? 'NaN' : Number.isFinite(v) ? `the number ${v}` : String(v);
  if (typeof v === 'string') return `a string of ${v.length} characters`;
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

/** Host text quoted back to the host, shortened, with any invisible or control character written as a `\\u` escape. */
export function quote(s: string): string {
  return escapeHidden(JSON.stringify(s.length > MAX_ECHO ? `${s.slice(0, MAX_ECHO - 1)}…` : s));
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

const own = (o: Record<string, unknown>, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const isStep = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

export function parseMessage(data: unknown): Parsed {
  if (!isPlainObject(data)) return { kind: 'ignore' };
  const type = own(data, 'type');
  if (typeof type !== 'string' || !type.startsWith(PREFIX)) return { kind: 'ignore' };

  const rawId = own(data, 'id');
  const idOk = rawId === undefined || (typeof rawId === 'string' && rawId.length <= MAX_ID_LENGTH) || (typeof rawId === 'number' && Number.isFinite(rawId));
  if (!idOk) return { kind: 'invalid', message: `expected id to be a string of at most ${MAX_ID_LENGTH} characters or a finite number but found ${describe(rawId)}` };
  const id = rawId as MessageId | undefined;
  const invalid = (message: string): Parsed => ({ kind: 'invalid', ...(id === undefined ? {} : { id }), message });

  const known = TYPES.find((t) => t === type);
  if (!known) return invalid(`unknown message type ${quote(type)}: expected one of ${TYPES.join(', ')}`);
  const extra = Object.keys(data).find((k) => !FIELDS[known].includes(k));
  if (extra !== undefined) return invalid(`unexpected field ${quote(extra)} in ${known}: expected only ${FIELDS[known].join(', ')}`);
  const withId = id === undefined ? {} : { id };

  switch (known) {
    case 'circuit:load': {
      const source = own(data, 'source');
      const step = own(data, 'step');
      if (typeof source !== 'string') return invalid(`expected source to be a string but found ${describe(source)}`);
      if (source.length > MAX_MESSAGE_SOURCE) return invalid(`expected source of at most ${MAX_MESSAGE_SOURCE} characters but found ${source.length}`);
      if (step !== undefined && step !== 'start' && step !== 'end' && !isStep(step)) {
        return invalid(`expected step to be "start", "end" or a whole number ≥ 0 but found ${describe(step)}`);
      }
      return { kind: 'request', request: { type: known, ...withId, source, ...(step === undefined ? {} : { step }) } };
    }
    case 'circuit:step': {
      const to = own(data, 'to');
      if (to !== 'start' && to !== 'end' && to !== 'next' && to !== 'prev' && !isStep(to)) {
        return invalid(`expected to to be "start", "end", "next", "prev" or a whole number ≥ 0 but found ${describe(to)}`);
      }
      return { kind: 'request', request: { type: known, ...withId, to } };
    }
    case 'circuit:set': {
      const name = own(data, 'name');
      const value = own(data, 'value');
      if (typeof name !== 'string') return invalid(`expected name to be a string but found ${describe(name)}`);
      if (typeof value !== 'number' || !Number.isFinite(value)) return invalid(`expected value to be a finite number but found ${describe(value)}`);
      return { kind: 'request', request: { type: known, ...withId, name, value } };
    }
    case 'circuit:get':
      return { kind: 'request', request: { type: known, ...withId } };
    case 'circuit:quiz': {
      const on = own(data, 'on');
      if (typeof on !== 'boolean') return invalid(`expected on to be true or false but found ${describe(on)}`);
      return { kind: 'request', request: { type: known, ...withId, on } };
    }
  }
}
