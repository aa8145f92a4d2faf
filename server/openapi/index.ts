/**
 * The apiserver's OpenAPI documents, generated from the resource table and its TypeBox schemas: `/openapi/v3`
 * (root and one document per group-version) and `/openapi/v2`. kubectl reads them for `explain`, for the
 * `--validate` check (a PATCH operation of the object's kind declaring `fieldValidation`) and to compute
 * strategic merge patches.
 */
export { openApiV2, type OpenApiV2Document } from './v2.js';
export {
  DEFAULT_OPENAPI_VERSION,
  openApiHash,
  openApiV3GroupVersion,
  openApiV3PathKey,
  openApiV3Root,
  type OpenApiV3Document,
  type OpenApiV3Root,
} from './v3.js';
export type { OpenApiSchema } from './definitions.js';
