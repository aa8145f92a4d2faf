import type { GroupVersionKind } from './names.js';
import type { ParameterSpec } from './parameters.js';

/** Paths and operations described once, for the v2 and v3 document builders to render. */

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  code: string;
  description: string;
  /** The definition the body is; none for 401. */
  definition?: string;
}

export interface OperationSpec {
  method: Method;
  operationId: string;
  description: string;
  tag: string;
  /** `x-kubernetes-action`; the group-version's resource list has none. */
  action?: string;
  gvk?: GroupVersionKind;
  parameters: ParameterSpec[];
  body?: { definition: string; required: boolean; mediaTypes: readonly string[] };
  responses: ResponseSpec[];
  produces: readonly string[];
}

export interface PathSpec {
  path: string;
  /** Parameters every operation of the path shares. */
  parameters: ParameterSpec[];
  operations: OperationSpec[];
}

export const OBJECT_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];
export const STREAM_TYPES = [
  ...OBJECT_TYPES,
  'application/json;stream=watch',
  'application/vnd.kubernetes.protobuf;stream=watch',
];

const UNAUTHORIZED: ResponseSpec = { code: '401', description: 'Unauthorized' };

export function ok(definition: string): ResponseSpec[] {
  return [{ code: '200', description: 'OK', definition }, UNAUTHORIZED];
}

/** 200 plus the other success codes a write answers with, all carrying `definition`. */
export function written(definition: string, ...codes: Array<['201', 'Created'] | ['202', 'Accepted']>): ResponseSpec[] {
  return [
    { code: '200', description: 'OK', definition },
    ...codes.map(([code, description]) => ({ code, description, definition })),
    UNAUTHORIZED,
  ];
}
