import type { ResourceDef } from './resource.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { FieldError } from './field-errors.js';

/** Which upstream name rule `metadata.name` must follow for a kind (apimachinery's ValidateNameFunc). */
export type NameRule = 'subdomain' | 'label' | 'dns1035' | 'path-segment';

/**
 * The per-kind behaviour the generic store calls, in this order:
 * create: applyDefaults → prepareForCreate → (generic metadata validation) → validate
 * update: applyDefaults → (store copies status from old, bumps generation on spec change) → prepareForUpdate →
 *         validate → validateUpdate
 * status: applyDefaults → (store keeps spec and most metadata from old) → prepareForStatusUpdate → validateStatusUpdate
 * All functions are pure apart from mutating the object they are handed; none may throw for bad input — they
 * return field errors instead.
 */
export interface Strategy<T extends KubeObject = KubeObject> {
  /** Upstream's SetDefaults_<Kind> (and the defaults of nested types): runs on every write, before validation. */
  applyDefaults?(obj: T): void;
  /** Upstream's PrepareForCreate: reset status or fill initial status fields. */
  prepareForCreate?(obj: T): void;
  /** Upstream's PrepareForUpdate for the main resource; status has already been copied from `old`. */
  prepareForUpdate?(obj: T, old: T): void;
  /** Spec/data validation (metadata is validated generically by the store). */
  validate?(obj: T): FieldError[];
  /** Extra checks only on update, e.g. immutable fields. */
  validateUpdate?(obj: T, old: T): FieldError[];
  /** For the status subresource: spec and metadata already reset to `old` by the store. */
  prepareForStatusUpdate?(obj: T, old: T): void;
  validateStatusUpdate?(obj: T, old: T): FieldError[];
  /**
   * Called when a DELETE, or a write to an object already marked for deletion, would remove it; returning true
   * keeps it, marked, until something finishes it (upstream: a namespace with spec.finalizers goes Terminating
   * instead of away). Must be idempotent: it runs again on every write to the marked object.
   */
  beginDeletion?(obj: T): boolean;
  /** Refuses a DELETE outright by throwing (upstream's admission: `kube-system` may not be deleted). */
  admitDeletion?(obj: T, def: ResourceDef): void;
  /** Rule for metadata.name; defaults to 'subdomain' (DNS-1123 subdomain). */
  nameRule?: NameRule;
  /** Upstream's per-kind field selector fields (metadata.name / metadata.namespace are always available). */
  selectableFields?: Record<string, (obj: T) => string | undefined>;
}

/** A strategy written against a kind's static type, usable where the generic store expects one for KubeObject. */
export function defineStrategy<T extends KubeObject>(strategy: Strategy<T>): Strategy {
  return strategy as unknown as Strategy;
}
