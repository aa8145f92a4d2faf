import { compareGoStrings } from '../../server/registry/selectors/go-text.js';
import type { FilterStatus } from './filters.js';

/** What one failed scheduling attempt learned about the nodes (framework.Diagnosis). */
export interface Diagnosis {
  numAllNodes: number;
  /** Set when a PreFilter plugin turned the pod away before any node was looked at. */
  preFilterMsg?: string;
  /** The rejection of each node the filters looked at. */
  nodeStatuses: Map<string, FilterStatus>;
  /** The status shared by every node absent from `nodeStatuses` (skipped by PreFilter). */
  absentStatus?: FilterStatus;
}

/** ErrNoNodesAvailable: an empty cluster fails before any plugin runs, so no preemption is tried either. */
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';

/** Events carry at most 1024 bytes of note (validation.NoteLengthLimit); the pod condition keeps the full text. */
const EVENT_NOTE_LIMIT = 1024;

/**
 * FitError.Error(): "0/N nodes are available:" then the PreFilter message, or else a histogram of the nodes'
 * reasons (each "<count> <reason>", sorted as strings, so "10 …" sorts before "2 …"), each part ending in a period;
 * the PostFilter (preemption) message follows as is.
 */
export function fitErrorMessage(diagnosis: Diagnosis, postFilterMsg = ''): string {
  let message = `0/${diagnosis.numAllNodes} nodes are available:`;
  if (diagnosis.preFilterMsg) {
    message += ` ${diagnosis.preFilterMsg}.`;
  } else {
    const counts = new Map<string, number>();
    const count = (reason: string, n: number) => counts.set(reason, (counts.get(reason) ?? 0) + n);
    for (const status of diagnosis.nodeStatuses.values()) for (const reason of status.reasons) count(reason, 1);
    const absent = diagnosis.numAllNodes - diagnosis.nodeStatuses.size;
    if (absent > 0) for (const reason of diagnosis.absentStatus?.reasons ?? []) count(reason, absent);
    const histogram = [...counts].map(([reason, n]) => `${n} ${reason}`).sort(compareGoStrings);
    if (histogram.length > 0) message += ` ${histogram.join(', ')}.`;
  }
  return postFilterMsg ? `${message} ${postFilterMsg}` : message;
}

/** The scheduler's truncateMessage: over the limit, the note is cut and ends in " ...". */
export function truncateEventMessage(message: string): string {
  const bytes = Buffer.from(message, 'utf8');
  if (bytes.length <= EVENT_NOTE_LIMIT) return message;
  const suffix = ' ...';
  return bytes.subarray(0, EVENT_NOTE_LIMIT - suffix.length).toString('utf8') + suffix;
}
