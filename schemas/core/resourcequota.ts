import { Type, type Static } from '@sinclair/typebox';
import { ResourceList, Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';

/** core/v1 ResourceQuota (v1.32). */

export const ScopedResourceSelectorRequirement = Strict({
  scopeName: Type.Optional(Type.String({ description: 'The scope the requirement applies to.' })),
  operator: Type.Optional(Type.String({ description: 'In, NotIn, Exists or DoesNotExist.' })),
  values: Type.Optional(AtomicList(Type.String())),
});

export const ScopeSelector = Strict({ matchExpressions: Type.Optional(AtomicList(ScopedResourceSelectorRequirement)) });

export const ResourceQuotaSpec = Strict({
  hard: Type.Optional(ResourceList),
  scopes: Type.Optional(AtomicList(Type.String())),
  scopeSelector: Type.Optional(ScopeSelector),
});
export type ResourceQuotaSpec = Static<typeof ResourceQuotaSpec>;

export const ResourceQuotaStatus = Strict({
  hard: Type.Optional(ResourceList),
  used: Type.Optional(ResourceList),
});
export type ResourceQuotaStatus = Static<typeof ResourceQuotaStatus>;

export const ResourceQuota = TopLevel({
  spec: Type.Optional(ResourceQuotaSpec),
  status: Type.Optional(ResourceQuotaStatus),
});
