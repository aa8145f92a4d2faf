import { Type } from '@sinclair/typebox';
import { StringMap, TopLevel } from './meta.js';

/**
 * Kinds mimikube stores without behaviour of its own: their top-level fields are modelled so unknown ones can be
 * reported; the parts modelled as `Loose` are kept exactly as given.
 */
const Loose = Type.Object({});

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

/** events.k8s.io/v1 Event: stored as given until the core/v1 conversion exists. */
export const EventsV1Event = TopLevel({
  eventTime: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  series: Type.Optional(Loose),
  reportingController: Type.Optional(Type.String()),
  reportingInstance: Type.Optional(Type.String()),
  action: Type.Optional(Type.String()),
  reason: Type.Optional(Type.String()),
  regarding: Type.Optional(Loose),
  related: Type.Optional(Loose),
  note: Type.Optional(Type.String()),
  type: Type.Optional(Type.String()),
  deprecatedSource: Type.Optional(Loose),
  deprecatedFirstTimestamp: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deprecatedLastTimestamp: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  deprecatedCount: Type.Optional(Type.Integer()),
});
