import { Type } from '@sinclair/typebox';
import { StringMap, TopLevel } from './meta.js';
import { EventSeries, EventSource } from './core/event.js';
import { ObjectReference } from './core/object-reference.js';
import { NullableTime } from './core/pod-status.js';

/** Kinds mimikube stores without behaviour of its own: modelled so unknown fields are reported and types checked. */

export const ConfigMap = TopLevel({
  data: Type.Optional(StringMap),
  binaryData: Type.Optional(StringMap),
  immutable: Type.Optional(Type.Boolean()),
});

export const Secret = TopLevel({
  data: Type.Optional(StringMap),
  stringData: Type.Optional(StringMap),
  type: Type.Optional(Type.String()),
  immutable: Type.Optional(Type.Boolean()),
});

/** events.k8s.io/v1 Event: stored apart from core/v1 events until the conversion exists; its parts typed as theirs. */
export const EventsV1Event = TopLevel({
  eventTime: Type.Optional(NullableTime),
  series: Type.Optional(EventSeries),
  reportingController: Type.Optional(Type.String()),
  reportingInstance: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  regarding: Type.Optional(ObjectReference),
  related: Type.Optional(ObjectReference),
  note: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  deprecatedSource: Type.Optional(EventSource),
  deprecatedFirstTimestamp: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deprecatedLastTimestamp: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deprecatedCount: Type.Optional(Type.Integer()),
});
