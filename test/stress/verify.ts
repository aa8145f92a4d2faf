import { isDeepStrictEqual } from 'node:util';
import type { Api } from '../helpers/api.js';
import { chunkedWatch, type WatchEvent } from '../helpers/watch-client.js';
import { STRESS_KINDS, type StressKind } from './kinds.js';
import { objectKey, SEQ_ANNOTATION, SEQ_LABEL, type Attempt, type Known, type Ledger } from './load.js';

/** The current state of every stress kind, by object key; and the list's resourceVersion. */
export async function currentState(api: Api): Promise<{ objects: Map<string, any>; rv: number }> {
  const objects = new Map<string, any>();
  let rv = 0;
  for (const kind of STRESS_KINDS) {
    const res = await api.get(kind.collection);
    if (res.status !== 200) throw new Error(`LIST ${kind.collection}: ${res.status} ${res.text}`);
    rv = Math.max(rv, Number(res.body.metadata.resourceVersion));
    for (const item of res.body.items) objects.set(objectKey(kind, item.metadata.name), item);
  }
  return { objects, rv };
}

/** A watch from `rv` that the server ends after a second: everything the log holds after `rv`, then the end. */
export async function replay(url: string, kind: StressKind, rv: number): Promise<WatchEvent[]> {
  const watch = await chunkedWatch(url, `${kind.collection}?watch=true&resourceVersion=${rv}&timeoutSeconds=1`);
  if (watch.status !== 200) throw new Error(`watch ${kind.key} from ${rv}: HTTP ${watch.status}`);
  await watch.waitForEnd(15_000);
  return watch.events;
}

const seqOf = (obj: any) => obj?.metadata?.labels?.[SEQ_LABEL];

/** Objects compare without apiVersion/kind, which lists and single reads may set differently. */
function sameObject(a: any, b: any): boolean {
  const strip = ({ apiVersion: _a, kind: _k, ...rest }: any) => rest;
  return a !== undefined && b !== undefined && isDeepStrictEqual(strip(a), strip(b));
}

/** A written object is whole: its label and annotation carry the same write's seq. */
function whole(obj: any): boolean {
  return seqOf(obj) !== undefined && obj.metadata.annotations?.[SEQ_ANNOTATION] === seqOf(obj);
}

function isKnownState(known: Known, current: any): boolean {
  if (!known.exists) return current === undefined;
  return current?.metadata?.resourceVersion === known.rv && sameObject(current, known.body);
}

export interface Resolution {
  pendingApplied: number;
  pendingNotApplied: number;
}

/**
 * After a restart: each object must be in its acknowledged state, or in the state its one unanswered write would
 * have produced, whole. Updates what is known so the next cycle starts from the truth.
 */
export function resolveObjects(ledger: Ledger, current: Map<string, any>, violations: string[]): Resolution {
  const resolution: Resolution = { pendingApplied: 0, pendingNotApplied: 0 };
  for (const [key, known] of ledger.known) {
    const obj = current.get(key);
    const pending = ledger.pending.get(key);
    ledger.pending.delete(key);
    if (obj !== undefined && !whole(obj)) violations.push(`${key} is half-written: ${JSON.stringify(obj.metadata)}`);
    if (!pending) {
      if (!isKnownState(known, obj)) {
        violations.push(`${key}: acknowledged ${known.exists ? `rv ${known.rv} seq ${known.seq}` : 'deletion'}, found ${obj ? `rv ${obj.metadata.resourceVersion} seq ${seqOf(obj)}` : 'nothing'}`);
      }
      continue;
    }
    const applied = pending.op === 'delete' ? obj === undefined && known.exists : seqOf(obj) === String(pending.seq);
    if (applied) {
      resolution.pendingApplied++;
      known.exists = obj !== undefined;
      known.rv = obj?.metadata.resourceVersion;
      known.body = obj;
    } else if (isKnownState(known, obj)) {
      resolution.pendingNotApplied++;
    } else {
      violations.push(`${key}: neither its acknowledged state (rv ${known.rv}) nor the unanswered ${pending.op} #${pending.seq}: ${JSON.stringify(obj?.metadata)}`);
    }
    known.seq = Math.max(known.seq, pending.seq);
  }
  for (const key of current.keys()) {
    if (!ledger.known.has(key)) violations.push(`${key} exists but was never written`);
  }
  return resolution;
}

const EVENT_TYPE: Record<Attempt['op'], string> = {
  create: 'ADDED', update: 'MODIFIED', 'merge-patch': 'MODIFIED', 'json-patch': 'MODIFIED', 'strategic-patch': 'MODIFIED',
  delete: 'DELETED',
};

/** An acknowledged write is in the log: an entry of its type, its resourceVersion and the body it was answered. */
export function inLog(attempt: Attempt, events: WatchEvent[]): boolean {
  const type = EVENT_TYPE[attempt.op];
  return events.some((e) => {
    if (e.type !== type || e.object?.metadata?.name !== attempt.name) return false;
    const rv = Number(e.object.metadata.resourceVersion);
    if (attempt.op !== 'delete') return rv === attempt.rv && sameObject(e.object, attempt.body);
    return attempt.rv === undefined ? rv > Number(attempt.prevRv) : rv === attempt.rv;
  });
}

/** Events of one stream must come in strictly increasing resourceVersion order (an ERROR ends a stream, apart). */
export function increasing(events: WatchEvent[]): boolean {
  let last = 0;
  for (const e of events) {
    if (e.type === 'ERROR') continue;
    const rv = Number(e.object?.metadata?.resourceVersion);
    if (!(rv > last)) return false;
    last = rv;
  }
  return true;
}

export const eventIds = (events: WatchEvent[]) => events.map((e) => `${e.type}:${e.object?.metadata?.name}@${e.object?.metadata?.resourceVersion}`);
