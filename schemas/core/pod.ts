import { Type, type Static } from '@sinclair/typebox';
import { TopLevel } from '../meta.js';
import { PodSpec } from './pod-spec.js';
import { PodStatus } from './pod-status.js';

export * from './affinity.js';
export * from './container.js';
export * from './pod-spec.js';
export * from './pod-status.js';
export * from './volume.js';

export const Pod = TopLevel({
  spec: Type.Optional(PodSpec),
  status: Type.Optional(PodStatus),
});
export type Pod = Static<typeof Pod>;
