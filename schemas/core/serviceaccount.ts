import { Type } from '@sinclair/typebox';
import { MergeList, Strict, TopLevel } from '../meta.js';
import { AtomicList } from './container.js';
import { ObjectReference } from './object-reference.js';

/** core/v1 ServiceAccount (v1.32). */
export const ServiceAccount = TopLevel({
  secrets: Type.Optional(MergeList(ObjectReference, 'name')),
  imagePullSecrets: Type.Optional(AtomicList(Strict({ name: Type.Optional(Type.String()) }))),
  automountServiceAccountToken: Type.Optional(
    Type.Boolean({ description: "Whether pods running as this account get an API token mounted (unless the pod says otherwise)." }),
  ),
});
