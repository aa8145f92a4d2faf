import { Type, type Static } from '@sinclair/typebox';
import { MergeList, Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';
import { NullableTime } from './pod-status.js';

const Str = () => Type.Optional(Type.String());

export const NamespaceCondition = Type.Object({
  type: Str(),
  status: Str(),
  lastTransitionTime: Type.Optional(NullableTime),
  reason: Str(),
  message: Str(),
});

export const NamespaceSpec = Strict({ finalizers: Type.Optional(AtomicList(Type.String())) });
export const NamespaceStatus = Strict({
  phase: Str(),
  conditions: Type.Optional(MergeList(NamespaceCondition, 'type')),
});

export const Namespace = TopLevel({
  spec: Type.Optional(NamespaceSpec),
  status: Type.Optional(NamespaceStatus),
});
export type Namespace = Static<typeof Namespace>;
