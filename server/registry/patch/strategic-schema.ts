// Patch metadata read from the TypeBox schemas, standing in for the Go struct tags upstream looks up.
import { Kind, type TSchema } from '@sinclair/typebox';

/** What upstream's LookupPatchMetadataForSlice yields: the item schema, the strategy and the merge key. */
export interface ListMeta {
  name: string;
  items: TSchema | undefined;
  strategy: string;
  mergeKey: string;
}

/** What upstream's LookupPatchMetadataForStruct yields for a map-valued field. */
export interface MapMeta {
  schema: TSchema | undefined;
  strategy: string;
}

type SchemaNode = TSchema & Record<string, unknown>;

function node(schema: unknown): SchemaNode | undefined {
  return typeof schema === 'object' && schema !== null && Kind in schema ? (schema as SchemaNode) : undefined;
}

function members(schema: SchemaNode): unknown[] {
  const list = schema[Kind] === 'Union' ? schema.anyOf : schema[Kind] === 'Intersect' ? schema.allOf : undefined;
  return Array.isArray(list) ? list : [];
}

function property(parent: unknown, key: string): SchemaNode | undefined {
  const schema = node(parent);
  if (!schema) return undefined;
  switch (schema[Kind]) {
    case 'Object': {
      const properties = (schema.properties ?? {}) as Record<string, unknown>;
      if (Object.prototype.hasOwnProperty.call(properties, key)) return node(properties[key]);
      return node(schema.additionalProperties);
    }
    case 'Record':
      return node(Object.values((schema.patternProperties ?? {}) as Record<string, unknown>)[0]);
    default:
      for (const member of members(schema)) {
        const found = property(member, key);
        if (found) return found;
      }
      return undefined;
  }
}

/** Picks the variant of a union (e.g. a nullable field) that has the wanted kind. */
function narrow(schema: SchemaNode | undefined, kinds: readonly string[]): SchemaNode | undefined {
  if (!schema || kinds.includes(schema[Kind])) return schema;
  for (const member of members(schema)) {
    const found = narrow(node(member), kinds);
    if (found) return found;
  }
  return undefined;
}

/** The strategy that matters when applying; `retainKeys` only steers patch generation, `$retainKeys` always applies. */
function strategyOf(schema: SchemaNode | undefined): string {
  const raw = schema?.['x-kubernetes-patch-strategy'];
  if (typeof raw !== 'string') return '';
  return raw.split(',').find((part) => part !== 'retainKeys') ?? '';
}

export function listMeta(parent: TSchema | undefined, key: string): ListMeta {
  const list = narrow(property(parent, key), ['Array']);
  const mergeKey = list?.['x-kubernetes-patch-merge-key'];
  return {
    name: key,
    items: node(list?.items),
    strategy: strategyOf(list),
    mergeKey: typeof mergeKey === 'string' ? mergeKey : '',
  };
}

export function mapMeta(parent: TSchema | undefined, key: string): MapMeta {
  const field = property(parent, key);
  const schema = narrow(field, ['Object', 'Record']) ?? field;
  return { schema, strategy: strategyOf(schema) };
}
