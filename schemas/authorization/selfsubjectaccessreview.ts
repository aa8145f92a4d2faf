import { Type, type Static } from '@sinclair/typebox';
import { Strict, TopLevel } from '../meta.js';

const Str = () => Type.Optional(Type.String());
const Loose = Type.Object({});

/** authorization.k8s.io/v1: what a SelfSubjectAccessReview asks about the requesting user. */
export const ResourceAttributes = Strict({
  namespace: Str(),
  verb: Str(),
  group: Str(),
  version: Str(),
  resource: Str(),
  subresource: Str(),
  name: Str(),
  fieldSelector: Type.Optional(Loose),
  labelSelector: Type.Optional(Loose),
});
export type ResourceAttributes = Static<typeof ResourceAttributes>;

export const NonResourceAttributes = Strict({ path: Str(), verb: Str() });
export type NonResourceAttributes = Static<typeof NonResourceAttributes>;

export const SelfSubjectAccessReviewSpec = Strict({
  resourceAttributes: Type.Optional(Type.Union([ResourceAttributes, Type.Null()])),
  nonResourceAttributes: Type.Optional(Type.Union([NonResourceAttributes, Type.Null()])),
});

export const SubjectAccessReviewStatus = Strict({
  allowed: Type.Optional(Type.Boolean()),
  denied: Type.Optional(Type.Boolean()),
  reason: Str(),
  evaluationError: Str(),
});

export const SelfSubjectAccessReview = TopLevel({
  spec: Type.Optional(SelfSubjectAccessReviewSpec),
  status: Type.Optional(SubjectAccessReviewStatus),
});
export type SelfSubjectAccessReview = Static<typeof SelfSubjectAccessReview>;
