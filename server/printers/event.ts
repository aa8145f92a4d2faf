import type { Event } from '../../schemas/core/event.js';
import type { KubeObject } from '../../schemas/meta.js';
import { parseTimestamp, translateTimestampSince } from './age.js';
import { NAME_COLUMN, docColumn } from './columns.js';
import { trimSpace } from './format.js';
import type { TableColumn } from './printer.js';
import { definePrinter } from './printer.js';

export type EventObject = Event & KubeObject;

/**
 * Upstream's event columns put Last Seen first and the `format: name` Name column last, wide-only; kubectl still
 * prefixes that column's cells with `event/` when several kinds are listed.
 */
export const EVENT_COLUMNS: TableColumn[] = [
  docColumn('Last Seen', 'string', 'Event.lastTimestamp'),
  docColumn('Type', 'string', 'Event.type'),
  docColumn('Reason', 'string', 'Event.reason'),
  docColumn('Object', 'string', 'Event.involvedObject'),
  docColumn('Subobject', 'string', 'ObjectReference.fieldPath', 1),
  docColumn('Source', 'string', 'Event.source', 1),
  docColumn('Message', 'string', 'Event.message'),
  docColumn('First Seen', 'string', 'Event.firstTimestamp', 1),
  docColumn('Count', 'string', 'Event.count', 1),
  { ...NAME_COLUMN, priority: 1 },
];

/**
 * First Seen falls back to eventTime (events written through events.k8s.io), Last Seen to First Seen; a series
 * overrides both Last Seen and the count, and an event without either counts once.
 */
function eventTimes(ev: EventObject, now: number): { lastSeen: string; firstSeen: string; count: number } {
  const first = parseTimestamp(ev.firstTimestamp) ?? parseTimestamp(ev.eventTime);
  const firstSeen = translateTimestampSince(first, now);
  let lastSeen = parseTimestamp(ev.lastTimestamp) === undefined ? firstSeen : translateTimestampSince(ev.lastTimestamp, now);
  let count = ev.count ?? 0;
  if (ev.series) {
    lastSeen = translateTimestampSince(ev.series.lastObservedTime, now);
    count = ev.series.count ?? 0;
  } else if (count === 0) {
    count = 1;
  }
  return { lastSeen, firstSeen, count };
}

/** `kind/name` of the involved object, kind lower-cased; just the kind when the name is empty. */
function eventObject(ev: EventObject): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  const name = ev.involvedObject?.name ?? '';
  return name ? `${kind}/${name}` : kind;
}

/** formatEventSource: component (else reportingComponent), then `, host` (else reportingInstance) when there is one. */
function eventSource(ev: EventObject): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const instance = ev.source?.host || ev.reportingInstance || '';
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter = definePrinter<EventObject>({
  columns: EVENT_COLUMNS,
  cells(ev, now) {
    const { lastSeen, firstSeen, count } = eventTimes(ev, now);
    return [
      lastSeen,
      ev.type ?? '',
      ev.reason ?? '',
      eventObject(ev),
      ev.involvedObject?.fieldPath ?? '',
      eventSource(ev),
      trimSpace(ev.message ?? ''),
      firstSeen,
      count,
      ev.metadata.name ?? '',
    ];
  },
});
