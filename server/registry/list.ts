import type { KubeObject } from '../../schemas/meta.js';
import { ApiError, badRequest, gone, invalidObject } from '../errors.js';
import type { ObjectLog, PageRow } from '../storage/log.js';
import { forbidden, notSupported, type FieldError } from './field-errors.js';
import type { ListOptions } from './options.js';
import { buildPredicate } from './predicate.js';
import type { ResourceDef } from './resource.js';

/**
 * A list or page. The stored JSON of each item is kept as read (`raw`), so a JSON response can be assembled without
 * parsing and re-serialising every object; `items` parses on first use.
 */
export class ListResult {
  private parsed: KubeObject[] | undefined;
  continue?: string;
  remainingItemCount?: number;

  constructor(readonly raw: string[], readonly resourceVersion: string, parsed?: KubeObject[]) {
    this.parsed = parsed;
  }

  get items(): KubeObject[] {
    this.parsed ??= this.raw.map((text) => JSON.parse(text) as KubeObject);
    return this.parsed;
  }
}

interface ContinueToken {
  rv: number;
  namespace: string;
  name: string;
}

/** Rows read per round trip while a selector filters most of them out. */
const BATCH = 500;

export function encodeContinue(token: ContinueToken): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv: token.rv, start: [token.namespace, token.name] })).toString('base64url');
}

export function decodeContinue(text: string): ContinueToken {
  try {
    const raw = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as { v?: string; rv?: unknown; start?: unknown };
    const [namespace, name] = Array.isArray(raw.start) ? (raw.start as unknown[]) : [];
    if (raw.v === 'meta.k8s.io/v1' && Number.isInteger(raw.rv) && typeof namespace === 'string' && typeof name === 'string') {
      return { rv: raw.rv as number, namespace, name };
    }
  } catch {
    // fall through to the error below: any undecodable token is the client's mistake
  }
  throw badRequest('continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}

export function tooOld(rv: number, compacted: number): ApiError {
  return gone(`too old resource version: ${rv} (${compacted})`);
}

function validateListOptions(options: ListOptions): void {
  const errors: FieldError[] = [];
  const match = options.resourceVersionMatch;
  if (match !== undefined) {
    if (match !== 'Exact' && match !== 'NotOlderThan') {
      errors.push(notSupported('resourceVersionMatch', match, ['Exact', 'NotOlderThan']));
    } else if (!options.resourceVersion) {
      errors.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden unless resourceVersion is provided'));
    } else if (options.continue) {
      errors.push(forbidden('resourceVersionMatch', 'resourceVersionMatch is forbidden when continue is provided'));
    } else if (match === 'Exact' && options.resourceVersion === '0') {
      errors.push(forbidden('resourceVersionMatch', 'resourceVersionMatch "exact" is forbidden for resourceVersion "0"'));
    }
  }
  if (errors.length > 0) throw invalidObject('ListOptions', 'meta.k8s.io', '', errors);
  if (options.continue && options.resourceVersion && options.resourceVersion !== '0') {
    throw badRequest('specifying resource version is not allowed when using continue');
  }
}

function parseRv(text: string): number {
  if (!/^\d+$/.test(text)) throw badRequest(`invalid resource version "${text}"`);
  return Number(text);
}

/** The revision a list reads at, per upstream's resourceVersion / resourceVersionMatch / continue rules. */
function readRevision(log: ObjectLog, options: ListOptions, currentRv: number): { atRv: number; start?: ContinueToken } {
  const compacted = log.compactedRv();
  if (options.continue) {
    const start = decodeContinue(options.continue);
    if (start.rv < compacted) {
      throw gone(
        'The provided continue parameter is too old to display a consistent list result. You can start a new list ' +
          'without the continue parameter, or use the continue token in this response to retrieve the remainder ' +
          'of the results. Continuing with the provided token results in an inconsistent list - objects that were ' +
          'created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
      );
    }
    return { atRv: start.rv, start };
  }
  if (!options.resourceVersion || options.resourceVersion === '0') return { atRv: currentRv };
  const requested = parseRv(options.resourceVersion);
  if (requested > currentRv) {
    throw new ApiError(504, 'Timeout', `Timeout: Too large resource version: ${requested}, current: ${currentRv}`, {
      causes: [{ reason: 'ResourceVersionTooLarge', message: `Too large resource version` }],
      retryAfterSeconds: 1,
    });
  }
  if (options.resourceVersionMatch === 'Exact') {
    if (requested < compacted) throw tooOld(requested, compacted);
    return { atRv: requested };
  }
  return { atRv: currentRv };
}

/** A list, or one page of it, filtered by selectors and read at one consistent revision. */
export function listObjects(
  log: ObjectLog,
  def: ResourceDef,
  namespace: string | undefined,
  options: ListOptions,
  currentRv: number,
): ListResult {
  validateListOptions(options);
  const predicate = buildPredicate(def, options.labelSelector, options.fieldSelector);
  const { atRv, start } = readRevision(log, options, currentRv);
  const limit = options.limit && options.limit > 0 ? options.limit : Infinity;
  const snapshot = atRv === currentRv ? undefined : atRv;
  const raw: string[] = [];
  // Objects are parsed only when a selector has to look inside them.
  const parsed: KubeObject[] | undefined = predicate.empty ? undefined : [];
  let after = start ? { namespace: start.namespace, name: start.name } : undefined;
  let last: PageRow | undefined;
  let more = false;
  for (;;) {
    const want = limit === Infinity ? BATCH : Math.min(BATCH, Math.max(limit - raw.length, 1)) + 1;
    const rows = log.page({ resource: def.key, namespace, after, limit: want, atRv: snapshot });
    for (const row of rows) {
      if (raw.length >= limit) {
        more = true;
        break;
      }
      last = row;
      if (parsed) {
        const obj = JSON.parse(row.body) as KubeObject;
        if (!predicate.matches(obj)) continue;
        parsed.push(obj);
      }
      raw.push(row.body);
    }
    if (more || rows.length < want) break;
    after = { namespace: rows[rows.length - 1].namespace, name: rows[rows.length - 1].name };
  }
  const result = new ListResult(raw, String(atRv), parsed);
  if (more && last) {
    result.continue = encodeContinue({ rv: atRv, namespace: last.namespace, name: last.name });
    if (predicate.empty && snapshot === undefined) {
      result.remainingItemCount = log.countAfter(def.key, namespace, last);
    }
  }
  return result;
}
