import { Kind, type TSchema } from '@sinclair/typebox';

function isScalar(schema: TSchema): boolean {
  if (schema[Kind] === 'Union') return (schema.anyOf as TSchema[]).every(isScalar);
  return ['String', 'Integer', 'Number', 'Boolean', 'Literal', 'Null'].includes(schema[Kind] as string);
}

/**
 * Whether kubectl can compute a strategic merge patch from the schema generated for `schema`. kubectl 1.30+ does
 * that for every PATCH operation whose request types include strategic merge patch: it descends into each object,
 * map and merge-keyed list the manifest sets, and on a field the schema does not list it prints
 * `warning: error calculating patch from openapi v3 spec: unable to find api field "<f>"` before falling back.
 * Upstream's schemas list every field; ours leave some objects open (stored as sent, or not modelled at all), so
 * only a schema whose every such object is closed may advertise the patch type. Without it kubectl computes the
 * patch from its compiled-in types, which carry the same merge keys, and says nothing.
 */
export function describesMergedFields(schema: TSchema): boolean {
  switch (schema[Kind]) {
    case 'Object':
      return (
        schema.additionalProperties === false &&
        Object.values(schema.properties as Record<string, TSchema>).every(describesMergedFields)
      );
    case 'Record':
      // kubectl looks a map's keys up as fields, so only maps of scalars are safe to descend into.
      return Object.values(schema.patternProperties as Record<string, TSchema>).every(isScalar);
    case 'Array':
      // Lists without the merge strategy are replaced whole; kubectl never looks inside their items.
      return !String(schema['x-kubernetes-patch-strategy'] ?? '').split(',').includes('merge')
        || describesMergedFields(schema.items as TSchema);
    case 'Union':
      return (schema.anyOf as TSchema[]).every(describesMergedFields);
    case 'Unknown':
    case 'Any':
      return false;
    default:
      return true;
  }
}
