import { Type } from '@sinclair/typebox';
import { ListMeta, ObjectMeta, Strict } from '../../schemas/meta.js';
import { ObjectReference } from '../../schemas/core/object-reference.js';

/**
 * The request and response types the API's operations name besides the kinds themselves (DeleteOptions, Status,
 * Patch, WatchEvent, APIResourceList) and the kinds of subresources. No schema module models them because the
 * server builds or reads them directly; the OpenAPI documents still have to define them for every `$ref` to resolve.
 */

const Str = () => Type.Optional(Type.String());
const Int = () => Type.Optional(Type.Integer());
const Bool = () => Type.Optional(Type.Boolean());
const Strings = () => Type.Optional(Type.Array(Type.String(), { 'x-kubernetes-list-type': 'atomic' }));

export const Preconditions = Strict({ resourceVersion: Str(), uid: Str() });

export const DeleteOptions = Strict({
  apiVersion: Str(),
  dryRun: Strings(),
  gracePeriodSeconds: Int(),
  ignoreStoreReadErrorWithClusterBreakingPotential: Bool(),
  kind: Str(),
  orphanDependents: Bool(),
  preconditions: Type.Optional(Preconditions),
  propagationPolicy: Str(),
});

export const StatusCause = Strict({ field: Str(), message: Str(), reason: Str() });

export const StatusDetails = Strict({
  causes: Type.Optional(Type.Array(StatusCause, { 'x-kubernetes-list-type': 'atomic' })),
  group: Str(),
  kind: Str(),
  name: Str(),
  retryAfterSeconds: Int(),
  uid: Str(),
});

export const Status = Strict({
  apiVersion: Str(),
  code: Int(),
  details: Type.Optional(StatusDetails),
  kind: Str(),
  message: Str(),
  metadata: Type.Optional(ListMeta),
  reason: Str(),
  status: Str(),
});

/** Its body is whatever the patch type says, so upstream leaves it an open object. */
export const Patch = Type.Object({});

export const APIResource = Strict({
  categories: Strings(),
  group: Str(),
  kind: Type.String(),
  name: Type.String(),
  namespaced: Type.Boolean(),
  shortNames: Strings(),
  singularName: Type.String(),
  storageVersionHash: Str(),
  verbs: Type.Array(Type.String()),
  version: Str(),
});

export const APIResourceList = Strict({
  apiVersion: Str(),
  groupVersion: Type.String(),
  kind: Str(),
  resources: Type.Array(APIResource, { 'x-kubernetes-list-type': 'atomic' }),
});

export const WatchEvent = Strict({ object: Type.Unknown(), type: Type.String() });

export const ScaleSpec = Strict({ replicas: Int() });
export const ScaleStatus = Strict({ replicas: Type.Integer(), selector: Str() });

export const Scale = Strict({
  apiVersion: Str(),
  kind: Str(),
  metadata: Type.Optional(ObjectMeta),
  spec: Type.Optional(ScaleSpec),
  status: Type.Optional(ScaleStatus),
});

export const Eviction = Strict({
  apiVersion: Str(),
  deleteOptions: Type.Optional(DeleteOptions),
  kind: Str(),
  metadata: Type.Optional(ObjectMeta),
});

export const Binding = Strict({
  apiVersion: Str(),
  kind: Str(),
  metadata: Type.Optional(ObjectMeta),
  target: ObjectReference,
});

/** Which upstream package each of the types above belongs to, for their definition names. */
export const SERVED_TYPE_PACKAGES: Array<[string, Record<string, unknown>]> = [
  [
    'io.k8s.apimachinery.pkg.apis.meta.v1',
    { Preconditions, DeleteOptions, StatusCause, StatusDetails, Status, Patch, APIResource, APIResourceList, WatchEvent },
  ],
  ['io.k8s.api.autoscaling.v1', { Scale, ScaleSpec, ScaleStatus }],
  ['io.k8s.api.policy.v1', { Eviction }],
  ['io.k8s.api.core.v1', { Binding }],
];
