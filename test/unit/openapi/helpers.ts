/** Walks OpenAPI documents the way kubectl does: through `$ref`, single-element `allOf`, `items` and maps. */

type Json = Record<string, any>;

export function refTarget(doc: Json, ref: string): Json | undefined {
  const path = ref.replace(/^#\//, '').split('/');
  let node: any = doc;
  for (const part of path) node = node?.[part];
  return node;
}

/** The schema a (possibly referencing or `allOf`-wrapped) schema stands for. */
export function resolve(doc: Json, schema: Json): Json {
  let current = schema;
  for (;;) {
    if (typeof current.$ref === 'string') {
      const target = refTarget(doc, current.$ref);
      if (!target) throw new Error(`unresolved ${current.$ref}`);
      current = target;
    } else if (Array.isArray(current.allOf) && current.allOf.length === 1 && !current.properties) {
      current = current.allOf[0];
    } else {
      return current;
    }
  }
}

/** The schema of a dotted field path below a definition, descending into list items like `kubectl explain`. */
export function field(doc: Json, definition: Json, path: string): Json {
  let current = definition;
  for (const name of path.split('.')) {
    current = resolve(doc, current);
    while (current.items) current = resolve(doc, current.items);
    const next = current.properties?.[name];
    if (!next) throw new Error(`no field ${name} in ${path}`);
    current = next;
  }
  return current;
}

/** Every `$ref` string anywhere in `node`. */
export function allRefs(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) for (const item of node) allRefs(item, out);
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else allRefs(value, out);
    }
  }
  return out;
}

export const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** Every operation of a document with its path and method. */
export function operations(doc: Json): Array<{ path: string; method: string; op: Json }> {
  return Object.entries(doc.paths as Json).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] })),
  );
}
