import type { KubeObject } from '../../schemas/meta.js';
import { EVENT_COLUMNS, eventPrinter, type EventObject } from './event.js';
import { definePrinter } from './printer.js';

interface EventsV1Object extends KubeObject {
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string };
  reportingController?: string;
  reportingInstance?: string;
  action?: string;
  reason?: string;
  regarding?: EventObject['involvedObject'];
  related?: EventObject['related'];
  note?: string;
  type?: string;
  deprecatedSource?: EventObject['source'];
  deprecatedFirstTimestamp?: string | null;
  deprecatedLastTimestamp?: string | null;
  deprecatedCount?: number;
}

/** The events.k8s.io/v1 → core conversion: both groups share one storage and one printer upstream. */
function toCoreEvent(ev: EventsV1Object): EventObject {
  return {
    metadata: ev.metadata,
    involvedObject: ev.regarding,
    reason: ev.reason,
    message: ev.note,
    source: ev.deprecatedSource,
    firstTimestamp: ev.deprecatedFirstTimestamp,
    lastTimestamp: ev.deprecatedLastTimestamp,
    count: ev.deprecatedCount,
    type: ev.type,
    eventTime: ev.eventTime,
    series: ev.series,
    action: ev.action,
    related: ev.related,
    reportingComponent: ev.reportingController,
    reportingInstance: ev.reportingInstance,
  };
}

export const eventsV1Printer = definePrinter<EventsV1Object>({
  columns: EVENT_COLUMNS,
  cells: (ev, now) => eventPrinter.cells(toCoreEvent(ev), now),
});
