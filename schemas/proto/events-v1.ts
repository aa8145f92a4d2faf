import type { ProtoPackage } from './types.js';

/** k8s.io.api.events.v1: the newer Event shape; its deprecated* fields mirror core/v1 Event. */
export const eventsV1: ProtoPackage = {
  package: 'k8s.io.api.events.v1',
  alias: 'events',
  apiVersion: 'events.k8s.io/v1',
  messages: {
    Event: {
      metadata: '1 meta.ObjectMeta',
      eventTime: '2 meta.MicroTime',
      series: '3 EventSeries?',
      reportingController: '4 string',
      reportingInstance: '5 string',
      action: '6 string',
      reason: '7 string',
      regarding: '8 core.ObjectReference',
      related: '9 core.ObjectReference?',
      note: '10 string',
      type: '11 string',
      deprecatedSource: '12 core.EventSource',
      deprecatedFirstTimestamp: '13 meta.Time',
      deprecatedLastTimestamp: '14 meta.Time',
      deprecatedCount: '15 int32',
    },
    EventSeries: { count: '1 int32', lastObservedTime: '2 meta.MicroTime' },
  },
};
