import { badRequest, invalidObject } from '../errors.js';
import { notSupported, required, type FieldError } from '../registry/field-errors.js';
import type { DeleteOptions, FieldValidation, ListOptions, PropagationPolicy, WriteOptions } from '../registry/options.js';
import { isPlainObject } from '../registry/json-value.js';

export type Query = Record<string, string | string[] | undefined>;

/** The last value of a repeated parameter, as Go's url.Values.Get would give the first; upstream uses the first. */
export function first(query: Query, key: string): string | undefined {
  const value = query[key];
  return Array.isArray(value) ? value[0] : value;
}

function all(query: Query, key: string): string[] {
  const value = query[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function integer(query: Query, key: string): number | undefined {
  const text = first(query, key);
  if (text === undefined || text === '') return undefined;
  if (!/^-?\d+$/.test(text)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(text)}: invalid syntax`);
  return Number(text);
}

export function boolean(query: Query, key: string): boolean | undefined {
  const text = first(query, key);
  if (text === undefined) return undefined;
  if (text === '' || text === 'true' || text === '1') return true;
  if (text === 'false' || text === '0') return false;
  throw badRequest(`strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`);
}

const FIELD_VALIDATION = ['Ignore', 'Warn', 'Strict'];

/** dryRun and fieldValidation, validated as upstream's Create/Update/PatchOptions are (422 on bad values). */
export function writeOptions(query: Query, kind: 'CreateOptions' | 'UpdateOptions' | 'PatchOptions'): WriteOptions {
  const errors: FieldError[] = [];
  const dryRun = all(query, 'dryRun');
  dryRun.forEach((value) => {
    if (value !== 'All') errors.push(notSupported('dryRun', value, ['All']));
  });
  const fieldValidation = first(query, 'fieldValidation') ?? '';
  if (fieldValidation !== '' && !FIELD_VALIDATION.includes(fieldValidation)) {
    errors.push(notSupported('fieldValidation', fieldValidation, ['', ...FIELD_VALIDATION]));
  }
  if (errors.length > 0) throw invalidObject(kind, 'meta.k8s.io', '', errors);
  return {
    dryRun: dryRun.length > 0,
    fieldValidation: (fieldValidation || 'Warn') as FieldValidation,
    fieldManager: first(query, 'fieldManager'),
    warnings: [],
  };
}

/** Server-side apply must name the manager whose fields it sets (upstream's PatchOptions validation). */
export function requireFieldManager(fieldManager: string | undefined): void {
  if (!fieldManager) {
    throw invalidObject('PatchOptions', 'meta.k8s.io', '', [required('fieldManager', 'is required for apply patch')]);
  }
}

export function listOptions(query: Query): ListOptions {
  return {
    labelSelector: first(query, 'labelSelector'),
    fieldSelector: first(query, 'fieldSelector'),
    limit: integer(query, 'limit'),
    continue: first(query, 'continue') || undefined,
    resourceVersion: first(query, 'resourceVersion'),
    resourceVersionMatch: (first(query, 'resourceVersionMatch') || undefined) as ListOptions['resourceVersionMatch'],
  };
}

/** DeleteOptions from the body (kubectl) merged over the query string (curl), as upstream accepts both. */
export function deleteOptions(query: Query, body: unknown): DeleteOptions {
  const fromBody = isPlainObject(body) ? body : {};
  const options: DeleteOptions = writeOptions(query, 'CreateOptions');
  const grace = fromBody.gracePeriodSeconds ?? integer(query, 'gracePeriodSeconds');
  if (grace !== undefined && grace !== null) {
    if (typeof grace !== 'number') throw badRequest('json: cannot unmarshal string into Go struct field DeleteOptions.gracePeriodSeconds of type int64');
    options.gracePeriodSeconds = grace;
  }
  const policy = fromBody.propagationPolicy ?? first(query, 'propagationPolicy');
  if (policy !== undefined && policy !== null) options.propagationPolicy = String(policy) as PropagationPolicy;
  const orphan = fromBody.orphanDependents ?? boolean(query, 'orphanDependents');
  if (orphan !== undefined && orphan !== null) options.orphanDependents = Boolean(orphan);
  if (Array.isArray(fromBody.dryRun)) {
    const errors = fromBody.dryRun.filter((v) => v !== 'All').map((v) => notSupported('dryRun', v, ['All']));
    if (errors.length > 0) throw invalidObject('DeleteOptions', 'meta.k8s.io', '', errors);
    if (fromBody.dryRun.length > 0) options.dryRun = true;
  }
  if (isPlainObject(fromBody.preconditions)) {
    const pre = fromBody.preconditions;
    options.preconditions = {
      uid: typeof pre.uid === 'string' ? pre.uid : undefined,
      resourceVersion: typeof pre.resourceVersion === 'string' ? pre.resourceVersion : undefined,
    };
  }
  return options;
}
