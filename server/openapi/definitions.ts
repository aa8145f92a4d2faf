import { Kind, type TSchema } from '@sinclair/typebox';
import { isObjectSchema } from './catalog.js';
import { INT_OR_STRING, QUANTITY, RAW_EXTENSION, TIME } from './names.js';

/** A JSON Schema object as it appears in an OpenAPI document. */
export type OpenApiSchema = Record<string, unknown>;

/** Swagger 2.0 (`/openapi/v2`) or OpenAPI 3.0 (`/openapi/v3/...`): they differ in reference paths and wrapping. */
export type Dialect = 'v2' | 'v3';

/**
 * Apimachinery types that have no TypeBox object of their own (schemas spell them as unions or formatted strings).
 * In v3 upstream describes Quantity and IntOrString with `oneOf` and no `type`, which is also what makes
 * `kubectl explain` print `<IntOrString>` and `map[string]Quantity` rather than `<string>`.
 */
function scalarDefinitions(dialect: Dialect): Record<string, OpenApiSchema> {
  return {
    [TIME]: {
      description: 'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.',
      type: 'string',
      format: 'date-time',
    },
    [QUANTITY]: dialect === 'v3' ? { oneOf: [{ type: 'string' }, { type: 'number' }] } : { type: 'string' },
    [INT_OR_STRING]: {
      description: 'IntOrString is a type that can hold an int32 or a string.',
      format: 'int-or-string',
      ...(dialect === 'v3' ? { oneOf: [{ type: 'integer' }, { type: 'string' }] } : { type: 'string' }),
      'x-kubernetes-int-or-string': true,
    },
    [RAW_EXTENSION]: { description: 'RawExtension is used to hold extensions in external versions.', type: 'object' },
  };
}

/** What a schema says about itself that survives conversion: its description and Kubernetes extensions. */
function annotations(schema: TSchema): OpenApiSchema {
  const out: OpenApiSchema = {};
  if (typeof schema.description === 'string') out.description = schema.description;
  for (const [key, value] of Object.entries(schema)) if (key.startsWith('x-kubernetes-')) out[key] = value;
  return out;
}

function primitive(type: string, schema: TSchema): OpenApiSchema {
  const out: OpenApiSchema = { ...annotations(schema), type };
  for (const key of ['format', 'enum', 'default']) if (schema[key] !== undefined) out[key] = schema[key];
  return out;
}

function literalType(value: unknown): string {
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

/**
 * Named definitions of one document dialect, filled in as schemas are converted. Object schemas with a name (see
 * `exportedNames`) become definitions referenced by `$ref`; others are converted inline, which `kubectl explain`
 * follows just the same.
 */
export class Definitions {
  readonly schemas = new Map<string, OpenApiSchema>();
  private readonly scalars: Record<string, OpenApiSchema>;

  constructor(
    readonly dialect: Dialect,
    private readonly names: Map<object, string>,
  ) {
    this.scalars = scalarDefinitions(dialect);
  }

  ref(name: string): OpenApiSchema {
    return { $ref: `${this.dialect === 'v3' ? '#/components/schemas/' : '#/definitions/'}${name}` };
  }

  /** Adds a definition written out directly (unless one by that name exists) and references it. */
  define(name: string, schema: OpenApiSchema): OpenApiSchema {
    if (!this.schemas.has(name)) this.schemas.set(name, schema);
    return this.ref(name);
  }

  /**
   * Converts an object schema into the definition `name` and references it. `extra` is merged in even when the
   * definition already exists (a kind reached through another type before its own turn still gets its GVK).
   * `propertyNames` names the definitions of object-valued properties that have no name of their own
   * (a kind's `spec` becomes `<Kind>Spec`).
   */
  defineObject(name: string, schema: TSchema, extra: OpenApiSchema = {}, propertyNames: Record<string, string> = {}) {
    const existing = this.schemas.get(name);
    if (existing) {
      Object.assign(existing, extra);
    } else {
      // Claimed before converting so that a type reached again from inside itself refers to the name.
      const claimed: OpenApiSchema = {};
      this.schemas.set(name, claimed);
      Object.assign(claimed, this.object(schema, propertyNames), extra);
    }
    return this.ref(name);
  }

  /** Wraps a property's referenced schema the way each dialect needs to keep the property's own description. */
  property(value: OpenApiSchema, description?: string): OpenApiSchema {
    const siblings = description === undefined ? {} : { description };
    if (!('$ref' in value)) return { ...value, ...siblings };
    // OpenAPI 3.0 ignores the siblings of a `$ref`, so upstream wraps every referencing property in `allOf`.
    return this.dialect === 'v3' ? { allOf: [value], ...siblings } : { ...value, ...siblings };
  }

  /** The schema of a field or item: a reference for named and apimachinery types, the converted schema otherwise. */
  convert(schema: TSchema): OpenApiSchema {
    switch (schema[Kind]) {
      case 'Object': {
        const name = this.names.get(schema.properties as object);
        return name ? this.defineObject(name, schema) : this.object(schema);
      }
      case 'Record': {
        const value = Object.values(schema.patternProperties as Record<string, TSchema>)[0];
        return { ...annotations(schema), type: 'object', additionalProperties: this.convert(value) };
      }
      case 'Array':
        return { ...annotations(schema), type: 'array', items: this.convert(schema.items as TSchema) };
      case 'Union':
        return this.union(schema);
      case 'String':
        return schema.format === 'date-time' ? this.scalar(TIME) : primitive('string', schema);
      case 'Integer':
        return primitive('integer', schema);
      case 'Number':
        return primitive('number', schema);
      case 'Boolean':
        return primitive('boolean', schema);
      case 'Literal':
        return { ...annotations(schema), type: literalType(schema.const), enum: [schema.const] };
      default:
        // Unknown and Any: an embedded JSON value, which upstream types as runtime.RawExtension.
        return this.scalar(RAW_EXTENSION);
    }
  }

  private scalar(name: string): OpenApiSchema {
    return this.define(name, this.scalars[name]);
  }

  private object(schema: TSchema, propertyNames: Record<string, string> = {}): OpenApiSchema {
    const properties: Record<string, OpenApiSchema> = {};
    for (const [key, field] of Object.entries((schema.properties ?? {}) as Record<string, TSchema>)) {
      const forced = propertyNames[key];
      const value =
        forced && isObjectSchema(field) && !this.names.has(field.properties)
          ? this.defineObject(forced, field)
          : this.convert(field);
      properties[key] = '$ref' in value ? this.property(value, field.description as string | undefined) : value;
    }
    const out: OpenApiSchema = { ...annotations(schema), type: 'object' };
    if (Object.keys(properties).length > 0) out.properties = properties;
    const required = schema.required as string[] | undefined;
    if (required && required.length > 0) out.required = [...required];
    return out;
  }

  /** TypeBox unions are how the schemas spell nullable fields, quantities, int-or-strings and enums. */
  private union(schema: TSchema): OpenApiSchema {
    const members = (schema.anyOf as TSchema[]).filter((member) => member[Kind] !== 'Null');
    const kinds = members.map((member) => member[Kind] as string).sort().join(',');
    if (kinds === 'Number,String') return this.scalar(QUANTITY);
    if (kinds === 'Integer,String') return this.scalar(INT_OR_STRING);
    if (members.length > 0 && members.every((member) => member[Kind] === 'Literal')) {
      const values = members.map((member) => member.const as unknown);
      return { ...annotations(schema), type: literalType(values[0]), enum: values };
    }
    if (members.length === 1) {
      const value = this.convert(members[0]);
      return '$ref' in value ? value : { ...value, ...annotations(schema) };
    }
    // Alternatives no single OpenAPI type covers: leave the value unconstrained, as upstream does for such fields.
    return annotations(schema);
  }
}
