import type { ProtoFields, ProtoPackage } from '../../schemas/proto/types.js';

/** Every table of one protobuf package, merged; lists the tables leave out are added. */
export interface MergedPackage {
  package: string;
  alias: string;
  apiVersion?: string;
  messages: Map<string, ProtoFields>;
}

const OBJECT_META = new Set(['meta.ObjectMeta', 'ObjectMeta']);

/** A kind stored as an object has ObjectMeta as field 1; its list is `metadata = 1 ListMeta, items = 2 X[]`. */
function listFor(name: string): ProtoFields {
  return { metadata: '1 meta.ListMeta', items: `2 ${name}[]` };
}

function isTopLevel(fields: ProtoFields): boolean {
  const spec = fields.metadata?.split(' ');
  return spec !== undefined && spec[0] === '1' && OBJECT_META.has(spec[1]);
}

/** Merges the tables of each package (a package may span several files) and synthesises `XList` messages. */
export function mergeTables(tables: readonly ProtoPackage[]): MergedPackage[] {
  const merged = new Map<string, MergedPackage>();
  for (const table of tables) {
    let target = merged.get(table.package);
    if (!target) {
      target = { package: table.package, alias: table.alias, apiVersion: table.apiVersion, messages: new Map() };
      merged.set(table.package, target);
    }
    if (target.alias !== table.alias || target.apiVersion !== table.apiVersion) {
      throw new Error(`protobuf tables of ${table.package} disagree on alias or apiVersion`);
    }
    for (const [name, fields] of Object.entries(table.messages)) {
      if (target.messages.has(name)) throw new Error(`protobuf message ${table.package}.${name} is defined twice`);
      target.messages.set(name, fields);
    }
  }
  for (const pkg of merged.values()) {
    if (pkg.apiVersion === undefined) continue;
    for (const [name, fields] of [...pkg.messages]) {
      if (isTopLevel(fields) && !pkg.messages.has(`${name}List`)) pkg.messages.set(`${name}List`, listFor(name));
    }
  }
  return [...merged.values()];
}
