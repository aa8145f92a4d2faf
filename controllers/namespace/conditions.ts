/** The five conditions the namespace deleter maintains, in upstream's order, with their "all is well" variants. */
export const NAMESPACE_CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

export type NamespaceConditionType = (typeof NAMESPACE_CONDITION_TYPES)[number];

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False' | string;
  lastTransitionTime?: string | null;
  reason?: string;
  message?: string;
}

const OK: Record<NamespaceConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: { reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
  NamespaceDeletionGroupVersionParsingFailure: { reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
  NamespaceDeletionContentFailure: { reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: { reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
};

/** What one pass over the namespace's content found. */
export interface ContentTotals {
  /** `<resource>.<group>` (core resources end in a bare dot, as upstream prints them) → instances left. */
  remainingByResource: Map<string, number>;
  /** Finalizer → instances still carrying it. */
  remainingByFinalizer: Map<string, number>;
  /** Per-resource failures (a delete that errored, items left with nothing to wait for). */
  contentErrors: string[];
}

function tally(counts: Map<string, number>, unit: (key: string, n: number) => string): string {
  return [...counts].filter(([, n]) => n > 0).map(([key, n]) => unit(key, n)).sort().join(', ');
}

/** Upstream's namespaceConditionUpdater: the failing conditions a pass produces (the rest are set to their OK form). */
export function failingConditions(totals: ContentTotals): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  if (totals.contentErrors.length > 0) {
    const errors = [...totals.contentErrors].sort();
    out.push({
      type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed',
      message: `Failed to delete all resource types, ${errors.length} remaining: ${errors.join(', ')}`,
    });
  }
  if (totals.remainingByResource.size > 0) {
    out.push({
      type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain',
      message: `Some resources are remaining: ${tally(totals.remainingByResource, (r, n) => `${r} has ${n} resource instances`)}`,
    });
  }
  if (totals.remainingByFinalizer.size > 0) {
    out.push({
      type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain',
      message: `Some content in the namespace has finalizers remaining: ${tally(totals.remainingByFinalizer, (f, n) => `${f} in ${n} resource instances`)}`,
    });
  }
  return out;
}

/**
 * Upstream's updateConditions: each maintained type takes its failing form or its OK form; an existing condition
 * keeps its lastTransitionTime unless its status flips; conditions of other types are left alone.
 */
export function mergeConditions(
  existing: NamespaceCondition[],
  failing: NamespaceCondition[],
  now: string,
): { conditions: NamespaceCondition[]; changed: boolean } {
  const conditions = existing.map((c) => ({ ...c }));
  let changed = false;
  for (const type of NAMESPACE_CONDITION_TYPES) {
    const wanted = failing.find((c) => c.type === type) ?? { type, status: 'False', ...OK[type] };
    const current = conditions.find((c) => c.type === type);
    if (!current) {
      conditions.push({ ...wanted, lastTransitionTime: now });
      changed = true;
    } else if (current.status !== wanted.status || current.reason !== wanted.reason || current.message !== wanted.message) {
      if (current.status !== wanted.status) current.lastTransitionTime = now;
      Object.assign(current, { status: wanted.status, reason: wanted.reason, message: wanted.message });
      changed = true;
    }
  }
  return { conditions, changed };
}
