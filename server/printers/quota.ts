import type { KubeObject } from '../../schemas/meta.js';
import { compareGoStrings } from '../registry/selectors/go-text.js';
import { translateTimestampSince } from './age.js';
import { AGE_COLUMN, NAME_COLUMN, column } from './columns.js';
import { definePrinter } from './printer.js';
import { canonicalQuantity } from './quantity.js';

interface ResourceQuotaObject extends KubeObject {
  status?: { hard?: Record<string, unknown>; used?: Record<string, unknown> };
}

/**
 * `resource: used/hard` for every hard limit, sorted by resource name; names whose first dot-separated piece is
 * `limits` go to the Limit cell, everything else (requests.*, pods, count/…) to Request.
 */
function quotaUsage(rq: ResourceQuotaObject): [string, string] {
  const hard = rq.status?.hard ?? {};
  const used = rq.status?.used ?? {};
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(hard).sort(compareGoStrings)) {
    const pieces = name.split('.');
    const target = pieces.length > 1 && pieces[0] === 'limits' ? limit : request;
    target.push(`${name}: ${canonicalQuantity(used[name])}/${canonicalQuantity(hard[name])}`);
  }
  return [request.join(', '), limit.join(', ')];
}

/** v1.32 puts Age second here; upstream moved it last only in v1.33. */
export const resourceQuotaPrinter = definePrinter<ResourceQuotaObject>({
  columns: [
    NAME_COLUMN,
    AGE_COLUMN,
    column('Request', 'string', 'Request represents a minimum amount of cpu/memory that a container may consume.'),
    column(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
  ],
  cells(rq, now) {
    return [rq.metadata.name ?? '', translateTimestampSince(rq.metadata.creationTimestamp, now), ...quotaUsage(rq)];
  },
});
