import { Type, type Static } from '@sinclair/typebox';
import { Strict, Time, TopLevel } from '../meta.js';

const Str = () => Type.Optional(Type.String());

/** MicroTime: RFC 3339 with microseconds, which still parses as a date-time. */
const MicroTime = Time;

export const LeaseSpec = Strict({
  holderIdentity: Str(),
  leaseDurationSeconds: Type.Optional(Type.Integer()),
  acquireTime: Type.Optional(MicroTime),
  renewTime: Type.Optional(MicroTime),
  leaseTransitions: Type.Optional(Type.Integer()),
  strategy: Str(),
  preferredHolder: Str(),
});
export type LeaseSpec = Static<typeof LeaseSpec>;

export const Lease = TopLevel({ spec: Type.Optional(LeaseSpec) });
export type Lease = Static<typeof Lease>;
