import { badRequest } from '../../errors.js';
import type { DeleteOptions } from '../options.js';
import { isPlainObject } from '../json-value.js';

/**
 * Reads a policy/v1 Eviction: the pod it names and the DeleteOptions to delete it with. PodDisruptionBudgets are
 * not served yet, so every eviction is allowed (as on a cluster without budgets).
 */
export function readEviction(body: unknown, podName: string): DeleteOptions {
  if (!isPlainObject(body)) throw badRequest('Eviction in version "v1" cannot be handled as a Eviction: the body must be a JSON object');
  const metadata = isPlainObject(body.metadata) ? body.metadata : {};
  if (metadata.name !== undefined && metadata.name !== podName) {
    throw badRequest('name in URL does not match name in Eviction object');
  }
  const options = isPlainObject(body.deleteOptions) ? body.deleteOptions : {};
  const out: DeleteOptions = {};
  if (typeof options.gracePeriodSeconds === 'number') out.gracePeriodSeconds = options.gracePeriodSeconds;
  if (typeof options.propagationPolicy === 'string') out.propagationPolicy = options.propagationPolicy as DeleteOptions['propagationPolicy'];
  if (Array.isArray(options.dryRun) && options.dryRun.length > 0) out.dryRun = true;
  if (isPlainObject(options.preconditions)) {
    const pre = options.preconditions;
    out.preconditions = {
      uid: typeof pre.uid === 'string' ? pre.uid : undefined,
      resourceVersion: typeof pre.resourceVersion === 'string' ? pre.resourceVersion : undefined,
    };
  }
  return out;
}
