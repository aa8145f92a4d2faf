import { Type, type Static } from '@sinclair/typebox';
import { TopLevel } from '../meta.js';

/** scheduling.k8s.io/v1 PriorityClass. */
export const PriorityClass = TopLevel({
  value: Type.Optional(Type.Integer()),
  globalDefault: Type.Optional(Type.Boolean()),
  description: Type.Optional(Type.String()),
  preemptionPolicy: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type PriorityClass = Static<typeof PriorityClass>;
