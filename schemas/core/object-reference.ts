import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../meta.js';

const Str = () => Type.Optional(Type.String());

export const ObjectReference = Strict({
  kind: Str(),
  namespace: Str(),
  name: Str(),
  uid: Str(),
  apiVersion: Str(),
  resourceVersion: Str(),
  fieldPath: Str(),
});
export type ObjectReference = Static<typeof ObjectReference>;
