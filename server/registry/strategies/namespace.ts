import type { Namespace } from '../../../schemas/core/namespace.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { forbidden } from '../../errors.js';
import { invalid, type FieldError } from '../field-errors.js';
import { isQualifiedName } from '../validation/names.js';
import { defineStrategy } from '../strategy.js';

export type NamespaceObject = Namespace & KubeObject;

/** The finalizer the namespace controller removes once it has emptied the namespace. */
const KUBERNETES_FINALIZER = 'kubernetes';
const NAME_LABEL = 'kubernetes.io/metadata.name';
const STANDARD_FINALIZERS = new Set([KUBERNETES_FINALIZER, 'orphan', 'foregroundDeletion']);

/** pkg/registry/core/namespace/strategy.go. */
const IMMORTAL_NAMESPACES = ['default', 'kube-system', 'kube-public'];

export const namespaceStrategy = defineStrategy<NamespaceObject>({
  nameRule: 'label',

  applyDefaults(ns) {
    ns.spec ??= {};
    if (ns.status) ns.status.phase ||= 'Active';
    labelWithName(ns);
  },

  prepareForCreate(ns) {
    ns.status = { phase: 'Active' };
    const finalizers = (ns.spec ??= {}).finalizers ?? [];
    if (!finalizers.includes(KUBERNETES_FINALIZER)) ns.spec.finalizers = [...finalizers, KUBERNETES_FINALIZER];
    // A generated name is only known now, after defaulting ran.
    labelWithName(ns);
  },

  prepareForUpdate(ns, old) {
    // spec.finalizers belongs to the finalize subresource; a plain update cannot change it.
    const spec = (ns.spec ??= {});
    if (old.spec?.finalizers) spec.finalizers = old.spec.finalizers;
    else delete spec.finalizers;
    labelWithName(ns);
  },

  validate(ns) {
    // Upstream reports spec.finalizers problems at the list's path, without an index.
    return (ns.spec?.finalizers ?? []).flatMap((name) => validateFinalizerName(name, 'spec.finalizers'));
  },

  validateStatusUpdate(ns) {
    const phase = ns.status?.phase ?? '';
    if (ns.metadata.deletionTimestamp == null) {
      return phase === 'Active' ? [] : [invalid('status.Phase', phase, "may only be 'Active' if `deletionTimestamp` is empty")];
    }
    return phase === 'Terminating'
      ? []
      : [invalid('status.Phase', phase, "may only be 'Terminating' if `deletionTimestamp` is not empty")];
  },

  // A namespace with spec.finalizers is not removed by DELETE: it goes Terminating until the namespace controller
  // has emptied it and finalized it.
  beginDeletion(ns) {
    if ((ns.spec?.finalizers ?? []).length === 0) return false;
    ns.status = { ...ns.status, phase: 'Terminating' };
    return true;
  },

  // Upstream's NamespaceLifecycle admission keeps the namespaces the cluster itself relies on.
  admitDeletion(ns, def) {
    const name = ns.metadata.name ?? '';
    if (IMMORTAL_NAMESPACES.includes(name)) throw forbidden(def, name, 'this namespace may not be deleted');
  },

  selectableFields: {
    'status.phase': (ns) => ns.status?.phase ?? '',
    // Upstream keeps this unprefixed alias of metadata.name for old clients.
    name: (ns) => ns.metadata.name ?? '',
  },
});

/** Every namespace carries its own name as a label, so label selectors can pick namespaces by name. */
function labelWithName(ns: NamespaceObject): void {
  const name = ns.metadata.name;
  if (!name) return;
  ns.metadata.labels = { ...ns.metadata.labels, [NAME_LABEL]: name };
}

function validateFinalizerName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((msg) => invalid(path, name, msg));
  if (!name.includes('/') && !STANDARD_FINALIZERS.has(name)) {
    errs.push(invalid(path, name, 'name is neither a standard finalizer name nor is it fully qualified'));
  }
  return errs;
}
