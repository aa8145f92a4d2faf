import { Type, type Static } from '@sinclair/typebox';
import { ResourceList, Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';

/** core/v1 LimitRange (v1.32). It has no status. */

export const LimitRangeItem = Strict({
  type: Type.Optional(Type.String({ description: 'Container, Pod or PersistentVolumeClaim.' })),
  max: Type.Optional(ResourceList),
  min: Type.Optional(ResourceList),
  default: Type.Optional(ResourceList),
  defaultRequest: Type.Optional(ResourceList),
  maxLimitRequestRatio: Type.Optional(ResourceList),
});
export type LimitRangeItem = Static<typeof LimitRangeItem>;

export const LimitRangeSpec = Strict({ limits: Type.Optional(AtomicList(LimitRangeItem)) });
export type LimitRangeSpec = Static<typeof LimitRangeSpec>;

export const LimitRange = TopLevel({ spec: Type.Optional(LimitRangeSpec) });
