import { Type } from '@sinclair/typebox';
import { TopLevel } from '../meta.js';

/**
 * apps/v1 ControllerRevision. `data` is a runtime.RawExtension upstream: any JSON value, stored byte-for-byte, so
 * it is neither modelled nor pruned here.
 */
export const ControllerRevision = TopLevel({
  data: Type.Optional(Type.Unknown()),
  revision: Type.Optional(Type.Integer()),
});
