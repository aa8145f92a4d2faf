import protobuf from 'protobufjs/light.js';
import type { ProtoPackage } from '../../schemas/proto/types.js';
import { isScalar, parseFieldSpec, SCALAR_WIRE_TYPES, type FieldSpec } from './field-spec.js';
import { mergeTables, type MergedPackage } from './merge-tables.js';
import { WELL_KNOWN, type FieldPlan, type MessagePlan } from './plan.js';

export const META_PACKAGE = 'k8s.io.apimachinery.pkg.apis.meta.v1';
export const RUNTIME_PACKAGE = 'k8s.io.apimachinery.pkg.runtime';

/**
 * meta/v1 kinds every group-version serves (upstream's AddToGroupVersion registers the options and WatchEvent in
 * each of them; Status and the discovery documents are unversioned `v1`).
 */
const META_KINDS = [
  'Status', 'DeleteOptions', 'CreateOptions', 'UpdateOptions', 'PatchOptions', 'GetOptions', 'ListOptions', 'WatchEvent',
  'APIVersions', 'APIGroupList', 'APIGroup', 'APIResourceList',
];
/** Kinds of meta.k8s.io/v1 itself that have a message. */
const META_GROUP_KINDS = ['PartialObjectMetadata'];

interface PendingField {
  plan: MessagePlan;
  field: protobuf.FieldBase;
  spec: FieldSpec;
  name: string;
}

/**
 * The protobuf messages of every table, built once with protobufjs' reflection API (which resolves and checks every
 * type reference), and the walking plans the codec uses, keyed by full name and by apiVersion/kind.
 */
export class ProtoRegistry {
  readonly root = new protobuf.Root();
  private readonly plans = new Map<string, MessagePlan>();
  private readonly kinds = new Map<string, MessagePlan>();
  private readonly metaKinds = new Map<string, MessagePlan>();
  private readonly servedVersions = new Set<string>(['meta.k8s.io/v1']);

  constructor(tables: readonly ProtoPackage[]) {
    const packages = mergeTables(tables);
    const aliases = new Map(packages.map((p) => [p.alias, p.package]));
    const pending: PendingField[] = [];
    for (const pkg of packages) pending.push(...this.define(pkg, aliases));
    this.root.resolveAll();
    for (const { plan, field, spec, name } of pending) {
      const resolved = field.resolvedType;
      const message = resolved ? this.plans.get(resolved.fullName.slice(1)) : undefined;
      const fieldPlan: FieldPlan = {
        name,
        id: spec.id,
        wireType: message ? 2 : SCALAR_WIRE_TYPES[spec.type as keyof typeof SCALAR_WIRE_TYPES],
        scalar: isScalar(spec.type) ? spec.type : undefined,
        message,
        repeated: spec.repeated,
        map: spec.map,
        pointer: spec.pointer,
        inline: spec.inline,
      };
      plan.fields.push(fieldPlan);
      plan.byId.set(spec.id, fieldPlan);
    }
    for (const plan of this.plans.values()) plan.fields.sort((a, b) => a.id - b.id);
    this.indexKinds(packages);
  }

  /** A message by full name (`k8s.io.apimachinery.pkg.runtime.Unknown`); missing is a mistake in the tables. */
  message(fullName: string): MessagePlan {
    const plan = this.plans.get(fullName);
    if (!plan) throw new Error(`protobuf message ${fullName} is not in the tables`);
    return plan;
  }

  /** The message of an object of this apiVersion and kind, if it has one. */
  messageFor(apiVersion: string, kind: string): MessagePlan | undefined {
    const plan = this.kinds.get(`${apiVersion}/${kind}`);
    if (plan || !this.servedVersions.has(apiVersion)) return plan;
    return this.metaKinds.get(kind);
  }

  private define(pkg: MergedPackage, aliases: Map<string, string>): PendingField[] {
    const namespace = this.root.define(pkg.package);
    const pending: PendingField[] = [];
    for (const [messageName, fields] of pkg.messages) {
      const type = new protobuf.Type(messageName);
      const fullName = `${pkg.package}.${messageName}`;
      const plan: MessagePlan = { fullName, fields: [], byId: new Map(), wellKnown: WELL_KNOWN[fullName as keyof typeof WELL_KNOWN] };
      this.plans.set(fullName, plan);
      for (const [name, text] of Object.entries(fields)) {
        const spec = parseFieldSpec(text, `${fullName}.${name}`);
        const typeName = isScalar(spec.type) ? spec.type : qualify(spec.type, pkg.package, aliases, `${fullName}.${name}`);
        const field = spec.map
          ? new protobuf.MapField(name, spec.id, 'string', typeName)
          : new protobuf.Field(name, spec.id, typeName, spec.repeated ? 'repeated' : 'optional');
        type.add(field);
        pending.push({ plan, field, spec, name });
      }
      namespace.add(type);
    }
    return pending;
  }

  private indexKinds(packages: MergedPackage[]): void {
    for (const pkg of packages) {
      if (pkg.apiVersion === undefined) continue;
      this.servedVersions.add(pkg.apiVersion);
      for (const name of pkg.messages.keys()) {
        const plan = this.message(`${pkg.package}.${name}`);
        const metadata = plan.byId.get(1);
        if (metadata?.name === 'metadata' && metadata.message?.fullName.startsWith(`${META_PACKAGE}.`)) {
          this.kinds.set(`${pkg.apiVersion}/${name}`, plan);
        }
      }
    }
    for (const kind of META_KINDS) {
      const plan = this.plans.get(`${META_PACKAGE}.${kind}`);
      if (plan) this.metaKinds.set(kind, plan);
    }
    for (const kind of META_GROUP_KINDS) {
      const plan = this.plans.get(`${META_PACKAGE}.${kind}`);
      if (plan) this.kinds.set(`meta.k8s.io/v1/${kind}`, plan);
    }
  }
}

/** `PodSpec` in its own package, `meta.ObjectMeta` through the alias of another, as a fully qualified name. */
function qualify(type: string, ownPackage: string, aliases: Map<string, string>, where: string): string {
  const dot = type.indexOf('.');
  if (dot < 0) return `.${ownPackage}.${type}`;
  const pkg = aliases.get(type.slice(0, dot));
  if (!pkg) throw new Error(`protobuf table ${where}: unknown package alias in "${type}"`);
  return `.${pkg}.${type.slice(dot + 1)}`;
}
