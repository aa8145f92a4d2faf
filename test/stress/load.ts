import type { Api, ApiResponse } from '../helpers/api.js';
import type { Prng } from '../fuzz/prng.js';
import { STRESS_KINDS, type StressKind } from './kinds.js';

export type WriteOp = 'create' | 'update' | 'merge-patch' | 'json-patch' | 'strategic-patch' | 'delete';

/** One write the load generator sent; `pending` until answered, and forever if the server died first. */
export interface Attempt {
  kind: StressKind;
  name: string;
  op: WriteOp;
  /** The value the write puts in the object's seq label and annotation, unique per object. */
  seq: number;
  cycle: number;
  /** The object's resourceVersion when the write was sent (none for a create). */
  prevRv?: string;
  outcome: 'pending' | 'acked' | 'rejected';
  status?: number;
  rv?: number;
  body?: any;
}

/** What is known of an object: its acknowledged state, or the state found after a crash. */
export interface Known {
  exists: boolean;
  seq: number;
  rv?: string;
  body?: any;
}

export const SEQ_LABEL = 'stress-seq';
export const SEQ_ANNOTATION = 'stress.mimikube.io/seq';

export const objectKey = (kind: StressKind, name: string) => `${kind.key}/${name}`;

/** Every write attempted, and per object what is known and which write (at most one) is unanswered. */
export class Ledger {
  readonly attempts: Attempt[] = [];
  readonly known = new Map<string, Known>();
  readonly pending = new Map<string, Attempt>();
  /** Writes refused although the writer, the object's only writer, expected them to succeed. */
  unexpectedRejections: Array<{ attempt: Attempt; message: string }> = [];

  knownOf(kind: StressKind, name: string): Known {
    const key = objectKey(kind, name);
    let known = this.known.get(key);
    if (!known) {
      known = { exists: false, seq: 0 };
      this.known.set(key, known);
    }
    return known;
  }
}

function marks(seq: number) {
  return { labels: { [SEQ_LABEL]: String(seq) }, annotations: { [SEQ_ANNOTATION]: String(seq) } };
}

function fullObject(kind: StressKind, name: string, seq: number, rv?: string) {
  const obj = kind.make(name);
  obj.metadata = { ...obj.metadata, ...marks(seq), ...(rv ? { resourceVersion: rv } : {}) };
  return obj;
}

/** Sends one write of `op` for an object in state `known`, carrying `seq`. */
function send(api: Api, kind: StressKind, name: string, op: WriteOp, seq: number, known: Known): Promise<ApiResponse> {
  const path = `${kind.collection}/${name}`;
  const rv = known.rv!;
  switch (op) {
    case 'create':
      return api.post(kind.collection, fullObject(kind, name, seq));
    case 'update':
      return api.put(path, fullObject(kind, name, seq, rv));
    case 'merge-patch':
      return api.patch(path, { metadata: { resourceVersion: rv, ...marks(seq) } });
    case 'json-patch':
      return api.patch(path, [
        { op: 'test', path: '/metadata/resourceVersion', value: rv },
        { op: 'replace', path: `/metadata/labels/${SEQ_LABEL}`, value: String(seq) },
        { op: 'replace', path: `/metadata/annotations/${SEQ_ANNOTATION.replace('/', '~1')}`, value: String(seq) },
      ], 'application/json-patch+json');
    case 'strategic-patch':
      return api.patch(path, { metadata: marks(seq) }, 'application/strategic-merge-patch+json');
    case 'delete':
      return api.delete(path, { preconditions: { resourceVersion: rv } });
  }
}

const UPDATES: WriteOp[] = ['update', 'merge-patch', 'json-patch', 'strategic-patch'];

function chooseOp(rng: Prng, known: Known): WriteOp {
  if (!known.exists) return 'create';
  return rng.chance(0.15) ? 'delete' : rng.pick(UPDATES);
}

/** Applies an acknowledged write to what is known of its object. */
export function applyAck(known: Known, attempt: Attempt): void {
  known.seq = attempt.seq;
  if (attempt.op === 'delete') {
    known.exists = false;
    known.rv = undefined;
    known.body = undefined;
  } else {
    known.exists = true;
    known.rv = String(attempt.rv);
    known.body = attempt.body;
  }
}

/** After a surprise, re-reads the object so the next write starts from the truth; false if the server is gone. */
async function refresh(api: Api, kind: StressKind, name: string, known: Known, seq: number): Promise<boolean> {
  try {
    const res = await api.get(`${kind.collection}/${name}`);
    known.seq = seq;
    known.exists = res.status === 200;
    known.rv = known.exists ? res.body.metadata.resourceVersion : undefined;
    known.body = known.exists ? res.body : undefined;
    return true;
  } catch {
    return false;
  }
}

export interface LoadOptions {
  writers: number;
  objectsPerWriter: number;
  cycle: number;
  /** Stop starting new writes (the run's time is up); writes already sent still finish. */
  stopped(): boolean;
}

/**
 * Writers that each own a disjoint set of objects across the stress kinds, so each object sees one write at a time
 * and its expected state is exact. A writer stops when the server stops answering.
 */
export async function runWriters(api: Api, ledger: Ledger, rng: Prng, options: LoadOptions): Promise<void> {
  const writer = async (w: number) => {
    const owned = Array.from({ length: options.objectsPerWriter }, (_, i) => ({
      kind: STRESS_KINDS[(w + i) % STRESS_KINDS.length],
      name: `w${w}-o${i}`,
    }));
    while (!options.stopped()) {
      const { kind, name } = rng.pick(owned);
      const known = ledger.knownOf(kind, name);
      const attempt: Attempt = {
        kind, name, op: chooseOp(rng, known), seq: known.seq + 1, cycle: options.cycle, prevRv: known.rv, outcome: 'pending',
      };
      ledger.attempts.push(attempt);
      ledger.pending.set(objectKey(kind, name), attempt);
      let res: ApiResponse;
      try {
        res = await send(api, kind, name, attempt.op, attempt.seq, known);
      } catch {
        return; // the server is gone; this write stays pending until the restart tells what became of it
      }
      ledger.pending.delete(objectKey(kind, name));
      attempt.status = res.status;
      if (res.status >= 200 && res.status < 300) {
        attempt.outcome = 'acked';
        attempt.body = res.body;
        // A DELETE answers a Status for most kinds: the deletion's resourceVersion is then only in the log.
        if (res.body?.kind !== 'Status') attempt.rv = Number(res.body?.metadata?.resourceVersion);
        applyAck(known, attempt);
      } else {
        attempt.outcome = 'rejected';
        ledger.unexpectedRejections.push({ attempt, message: `${res.status} ${res.body?.message ?? res.text}` });
        if (!(await refresh(api, kind, name, known, attempt.seq))) return;
      }
    }
  };
  await Promise.all(Array.from({ length: options.writers }, (_, w) => writer(w)));
}
