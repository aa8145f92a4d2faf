import type protobuf from 'protobufjs';
import YAML from 'yaml';
import { internalError } from '../errors.js';
import { isPlainObject } from '../registry/json-value.js';

/** A gnostic message as a plain object keyed by proto field names, ready for `Type.encode`. */
export type GnosticMessage = Record<string, unknown>;

type JsonObject = Record<string, unknown>;

/** Messages that hold a JSON object's entries as `Named*` pairs, and the repeated field the pairs go to. */
const ENTRY_FIELDS: Readonly<Record<string, string>> = {
  Paths: 'path',
  Responses: 'response_code',
  Definitions: 'additional_properties',
  Properties: 'additional_properties',
  SecurityDefinitions: 'additional_properties',
  SecurityRequirement: 'additional_properties',
};

const NON_BODY_PARAMETERS: Readonly<Record<string, string>> = {
  header: 'header_parameter_sub_schema',
  formData: 'form_data_parameter_sub_schema',
  query: 'query_parameter_sub_schema',
  path: 'path_parameter_sub_schema',
};

const SECURITY_SCHEMES: Readonly<Record<string, string>> = {
  basic: 'basic_authentication_security',
  apiKey: 'api_key_security',
};

/** Messages made of one `oneof`: the member a JSON value becomes, decided by the keys gnostic's parser requires. */
const ONEOF_MEMBERS: Readonly<Record<string, (value: JsonObject) => string>> = {
  ParametersItem: (p) => ('$ref' in p ? 'json_reference' : 'parameter'),
  Parameter: (p) => (p.in === 'body' ? 'body_parameter' : 'non_body_parameter'),
  NonBodyParameter: (p) => NON_BODY_PARAMETERS[String(p.in)] ?? `a parameter "in" ${String(p.in)}`,
  ResponseValue: (r) => ('$ref' in r ? 'json_reference' : 'response'),
  SchemaItem: (s) => (s.type === 'file' ? 'file_schema' : 'schema'),
  SecurityDefinitionsItem: (s) => SECURITY_SCHEMES[String(s.type)] ?? `a security scheme of type ${String(s.type)}`,
};

function refuse(path: string, why: string): never {
  throw internalError(`the OpenAPI v2 document cannot be encoded as protobuf at ${path || '/'}: ${why}`);
}

const pointer = (path: string, key: string | number) => `${path}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;

/** How a proto field is spelled in the JSON document: `operation_id` → `operationId`, `_ref` → `$ref`. */
function jsonName(protoName: string): string {
  return protoName === '_ref' ? '$ref' : protoName.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

const fieldsByJsonName = new WeakMap<protobuf.Type, Map<string, protobuf.Field>>();

function fieldFor(type: protobuf.Type, key: string): protobuf.Field | undefined {
  let byName = fieldsByJsonName.get(type);
  if (!byName) {
    byName = new Map(type.fieldsArray.map((field) => [jsonName(field.name), field]));
    fieldsByJsonName.set(type, byName);
  }
  return byName.get(key);
}

function member(type: protobuf.Type, name: string, path: string): protobuf.Field {
  return type.fields[name] ?? refuse(path, `${type.name} has no ${name}`);
}

function scalar(field: protobuf.Field, value: unknown, path: string): unknown {
  const expected = field.type === 'bool' ? 'boolean' : field.type === 'string' ? 'string' : 'number';
  if (typeof value !== expected) refuse(path, `expected a ${expected} for ${field.name}, got ${JSON.stringify(value)}`);
  if (field.type === 'int64' && !Number.isInteger(value)) refuse(path, `expected an integer for ${field.name}`);
  return value;
}

function single(field: protobuf.Field, value: unknown, path: string): unknown {
  return field.resolvedType ? toGnostic(field.resolvedType as protobuf.Type, value, path) : scalar(field, value, path);
}

/** A field's value as proto3 writes it: empty lists and zero scalars are left out, as gnostic's Go structs do. */
function fieldValue(field: protobuf.Field, value: unknown, path: string): unknown {
  if (!field.repeated) {
    const converted = single(field, value, path);
    return converted === '' || converted === false || converted === 0 ? undefined : converted;
  }
  if (!Array.isArray(value)) refuse(path, `expected an array for ${field.name}`);
  return value.length === 0 ? undefined : value.map((item, i) => single(field, item, pointer(path, i)));
}

/** A `Named*` pair of a map-like JSON object: the entry's key and its value as the pair's `value` message. */
function pair(field: protobuf.Field, key: string, value: unknown, path: string): GnosticMessage {
  return { name: key, value: single(member(field.resolvedType as protobuf.Type, 'value', path), value, path) };
}

/** The fields of an object-shaped message: known keys by name, `x-` keys as vendor extensions, map entries as pairs. */
function objectMessage(type: protobuf.Type, value: JsonObject, path: string): GnosticMessage {
  const out: GnosticMessage = {};
  const extensionField = type.fields.vendor_extension;
  const entriesField = ENTRY_FIELDS[type.name] ? member(type, ENTRY_FIELDS[type.name], path) : undefined;
  const extensions: GnosticMessage[] = [];
  const entries: GnosticMessage[] = [];
  for (const [key, item] of Object.entries(value)) {
    const at = pointer(path, key);
    if (extensionField && key.startsWith('x-')) {
      extensions.push(pair(extensionField, key, item, at));
    } else if (entriesField) {
      entries.push(pair(entriesField, key, item, at));
    } else {
      const field = fieldFor(type, key) ?? refuse(at, `${type.name} has no field for "${key}"`);
      const converted = fieldValue(field, item, at);
      if (converted !== undefined) out[field.name] = converted;
    }
  }
  if (entriesField && entries.length > 0) out[entriesField.name] = entries;
  if (extensionField && extensions.length > 0) out[extensionField.name] = extensions;
  return out;
}

/**
 * Converts one JSON value of the document into the gnostic message `type` describes, the way gnostic's
 * `openapi_v2.ParseDocument` reads it: vendor extensions and examples keep their value as YAML text, `type` and
 * `items` are always lists, and a message present in JSON is present on the wire even when empty (kubectl tells an
 * object with no properties from a map by whether `properties` is set).
 */
export function toGnostic(type: protobuf.Type, value: unknown, path = ''): GnosticMessage {
  switch (type.name) {
    case 'Any':
      return { yaml: YAML.stringify(value, { lineWidth: 0 }) };
    case 'TypeItem':
    case 'StringArray':
      return { value: fieldValue(member(type, 'value', path), Array.isArray(value) ? value : [value], path) };
    case 'ItemsItem':
      return { schema: fieldValue(member(type, 'schema', path), Array.isArray(value) ? value : [value], path) };
    case 'AdditionalPropertiesItem':
      return typeof value === 'boolean' ? { boolean: value } : { schema: single(member(type, 'schema', path), value, path) };
  }
  if (!isPlainObject(value)) return refuse(path, `expected an object for ${type.name}`);
  const oneof = ONEOF_MEMBERS[type.name];
  if (!oneof) return objectMessage(type, value, path);
  const chosen = oneof(value);
  return { [chosen]: single(member(type, chosen, path), value, path) };
}
