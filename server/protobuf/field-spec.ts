/** The scalar types the field tables use, with the wire type each travels as. */
export const SCALAR_WIRE_TYPES = { string: 2, bytes: 2, bool: 0, int32: 0, int64: 0, double: 1 } as const;

export type ScalarType = keyof typeof SCALAR_WIRE_TYPES;

/** One field of a table (`'11 map<string,string>'`, `'9 Time?'`, `'2 VolumeSource^'`), parsed. */
export interface FieldSpec {
  id: number;
  /** A scalar, or a message as the table names it (`PodSpec`, `meta.ObjectMeta`); for a map, its value type. */
  type: string;
  repeated: boolean;
  map: boolean;
  /** The Go field is a pointer: a zero value on the wire is meaningful and kept. */
  pointer: boolean;
  /** The Go field is an embedded struct: JSON inlines its fields, the wire nests them. */
  inline: boolean;
}

const FIELD_SPEC = /^(\d+) (?:map<string,([\w.]+)>|([\w.]+))(\[\])?([?^])?$/;

export function isScalar(type: string): type is ScalarType {
  return Object.hasOwn(SCALAR_WIRE_TYPES, type);
}

/** Parses a table's field spec; a malformed one is a mistake in the table, reported with where it is. */
export function parseFieldSpec(spec: string, where: string): FieldSpec {
  const match = FIELD_SPEC.exec(spec);
  if (!match) throw new Error(`protobuf table ${where}: malformed field spec "${spec}"`);
  const [, id, mapValue, type, repeated, marker] = match;
  if (mapValue !== undefined && repeated) throw new Error(`protobuf table ${where}: a map cannot be repeated ("${spec}")`);
  return {
    id: Number(id),
    type: mapValue ?? type,
    repeated: repeated !== undefined,
    map: mapValue !== undefined,
    pointer: marker === '?',
    inline: marker === '^',
  };
}
