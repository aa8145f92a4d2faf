import { Type, type Static } from '@sinclair/typebox';
import { Strict, Time, TopLevel } from '../meta.js';
import { ObjectReference } from './object-reference.js';
import { NullableTime } from './pod-status.js';

const Str = () => Type.Optional(Type.String());

export const EventSource = Strict({ component: Str(), host: Str() });

export const EventSeries = Strict({
  count: Type.Optional(Type.Integer()),
  lastObservedTime: Type.Optional(Time),
});

/** core/v1 Event: its fields sit at the top level, there is no spec. */
export const Event = TopLevel({
  involvedObject: Type.Optional(ObjectReference),
  reason: Str(),
  message: Str(),
  source: Type.Optional(EventSource),
  firstTimestamp: Type.Optional(NullableTime),
  lastTimestamp: Type.Optional(NullableTime),
  count: Type.Optional(Type.Integer()),
  type: Str(),
  eventTime: Type.Optional(NullableTime),
  series: Type.Optional(EventSeries),
  action: Str(),
  related: Type.Optional(ObjectReference),
  reportingComponent: Str(),
  reportingInstance: Str(),
});
export type Event = Static<typeof Event>;
