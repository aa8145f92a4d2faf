import { FormatRegistry, Kind, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { badRequest } from '../errors.js';
import type { ResourceDef } from './resource.js';
import { isPlainObject } from './json-value.js';

function childPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/**
 * Removes fields the schema declares unknown (objects built with additionalProperties: false) and returns their
 * paths, as upstream's decoder drops them and reports them for fieldValidation. Loosely modelled objects keep
 * everything. A `null` where the schema takes no null is dropped too: Go decodes it as the field's zero value, and
 * clients send such nulls for unset fields without omitempty (`"selector": null`).
 */
export function pruneUnknownFields(schema: TSchema, value: unknown, path = ''): string[] {
  const unknown: string[] = [];
  walk(schema, value, path, unknown);
  return unknown;
}

function walk(schema: TSchema, value: unknown, path: string, unknown: string[]): void {
  switch (schema[Kind]) {
    case 'Object': {
      if (!isPlainObject(value)) return;
      const properties = (schema.properties ?? {}) as Record<string, TSchema>;
      for (const key of Object.keys(value)) {
        const propertySchema = properties[key];
        if (propertySchema && value[key] === null && !acceptsNull(propertySchema)) delete value[key];
        else if (propertySchema) walk(propertySchema, value[key], childPath(path, key), unknown);
        else if (schema.additionalProperties === false) {
          unknown.push(childPath(path, key));
          delete value[key];
        }
      }
      return;
    }
    case 'Array':
      if (Array.isArray(value)) value.forEach((item, i) => walk(schema.items as TSchema, item, `${path}[${i}]`, unknown));
      return;
    case 'Record': {
      if (!isPlainObject(value)) return;
      const [valueSchema] = Object.values(schema.patternProperties as Record<string, TSchema>);
      for (const key of Object.keys(value)) walk(valueSchema, value[key], `${path}[${key}]`, unknown);
      return;
    }
    default:
      return;
  }
}

function acceptsNull(schema: TSchema): boolean {
  const kind = schema[Kind];
  if (kind === 'Null' || kind === 'Any' || kind === 'Unknown') return true;
  return kind === 'Union' && (schema.anyOf as TSchema[]).some(acceptsNull);
}

// metav1.Time and MicroTime: RFC 3339, with optional fractional seconds and a zone.
const RFC3339 = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
if (!FormatRegistry.Has('date-time')) FormatRegistry.Set('date-time', (value) => RFC3339.test(value));

const compiled = new WeakMap<TSchema, TypeCheck<TSchema>>();

function checker(schema: TSchema): TypeCheck<TSchema> {
  let check = compiled.get(schema);
  if (!check) {
    check = TypeCompiler.Compile(schema);
    compiled.set(schema, check);
  }
  return check;
}

function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function goTypeName(schema: TSchema): string {
  switch (schema[Kind]) {
    case 'Integer':
      return 'int64';
    case 'Number':
      return 'float64';
    case 'Boolean':
      return 'bool';
    case 'String':
      return 'string';
    case 'Array':
      return `[]${goTypeName(schema.items as TSchema)}`;
    case 'Record':
      return 'map[string]string';
    case 'Union': {
      const options = (schema.anyOf as TSchema[]).filter((s) => s[Kind] !== 'Null');
      if (options.some((s) => s.format === 'date-time')) return 'v1.Time';
      if (options.length === 2 && options.some((s) => s[Kind] === 'Integer')) return 'intstr.IntOrString';
      return goTypeName(options[0]);
    }
    default:
      return 'struct';
  }
}

/** Rejects values of the wrong JSON type with upstream's 400 "cannot be handled as a …" wording. */
export function assertWellTyped(def: ResourceDef, obj: unknown): void {
  const check = checker(def.schema);
  if (check.Check(obj)) return;
  const first = check.Errors(obj).First();
  const field = first ? first.path.split('/').filter(Boolean).join('.') : '';
  const got = first ? jsonTypeName(first.value) : 'value';
  const expected = first ? goTypeName(first.schema) : 'struct';
  throw badRequest(
    `${def.kind} in version "${def.version}" cannot be handled as a ${def.kind}: json: cannot unmarshal ${got} ` +
      `into Go struct field ${def.kind}.${field} of type ${expected}`,
  );
}
