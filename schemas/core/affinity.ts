import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../meta.js';
import { AtomicList } from './container.js';

const Str = () => Type.Optional(Type.String());

export const NodeSelectorRequirement = Strict({
  key: Str(),
  operator: Str(),
  values: Type.Optional(AtomicList(Type.String())),
});
export type NodeSelectorRequirement = Static<typeof NodeSelectorRequirement>;

export const NodeSelectorTerm = Strict({
  matchExpressions: Type.Optional(AtomicList(NodeSelectorRequirement)),
  matchFields: Type.Optional(AtomicList(NodeSelectorRequirement)),
});
export type NodeSelectorTerm = Static<typeof NodeSelectorTerm>;

export const NodeSelector = Strict({ nodeSelectorTerms: Type.Optional(AtomicList(NodeSelectorTerm)) });
export type NodeSelector = Static<typeof NodeSelector>;

export const PreferredSchedulingTerm = Strict({
  weight: Type.Optional(Type.Integer()),
  preference: Type.Optional(NodeSelectorTerm),
});

export const NodeAffinity = Strict({
  requiredDuringSchedulingIgnoredDuringExecution: Type.Optional(NodeSelector),
  preferredDuringSchedulingIgnoredDuringExecution: Type.Optional(AtomicList(PreferredSchedulingTerm)),
});
export type NodeAffinity = Static<typeof NodeAffinity>;

/** Pod (anti-)affinity terms are stored as sent; the scheduler simulation does not evaluate them. */
export const PodAffinity = Type.Object({
  requiredDuringSchedulingIgnoredDuringExecution: Type.Optional(AtomicList(Type.Object({}))),
  preferredDuringSchedulingIgnoredDuringExecution: Type.Optional(AtomicList(Type.Object({}))),
});

export const Affinity = Strict({
  nodeAffinity: Type.Optional(NodeAffinity),
  podAffinity: Type.Optional(PodAffinity),
  podAntiAffinity: Type.Optional(PodAffinity),
});
export type Affinity = Static<typeof Affinity>;

export const Toleration = Strict({
  key: Str(),
  operator: Str(),
  value: Str(),
  effect: Str(),
  tolerationSeconds: Type.Optional(Type.Integer()),
});
export type Toleration = Static<typeof Toleration>;
