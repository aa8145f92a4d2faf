import type { NodeSelector, NodeSelectorRequirement, NodeSelectorTerm, PodSpec } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import { requirementError } from '../../server/registry/selectors/label-requirement.js';
import { matchesLabels, type LabelOperator, type LabelRequirement } from '../../server/registry/selectors/label-selector.js';

/** Node matching reads only a node's name and labels. */
export type NodeIdentity = Pick<KubeObject, 'metadata'>;

const OPERATORS: Record<string, LabelOperator> = {
  In: 'In',
  NotIn: 'NotIn',
  Exists: 'Exists',
  DoesNotExist: 'DoesNotExist',
  Gt: 'GreaterThan',
  Lt: 'LessThan',
};

/** The field matchFields can address; any other key reads as the empty string, as in a fields.Set. */
const NODE_NAME_FIELD = 'metadata.name';

/** nodeSelectorRequirementsAsSelector: undefined when a requirement would not parse (its term then matches nothing). */
function labelRequirements(exprs: readonly NodeSelectorRequirement[]): LabelRequirement[] | undefined {
  const reqs: LabelRequirement[] = [];
  for (const expr of exprs) {
    const operator = Object.hasOwn(OPERATORS, expr.operator ?? '') ? OPERATORS[expr.operator!] : undefined;
    const key = expr.key ?? '';
    const values = [...(expr.values ?? [])];
    if (!operator) return undefined;
    if ((operator === 'GreaterThan' || operator === 'LessThan') && values.length !== 1) return undefined;
    if (requirementError(key, operator, values) !== undefined) return undefined;
    reqs.push({ key, operator, values });
  }
  return reqs;
}

/** nodeSelectorRequirementsAsFieldSelector: only In/NotIn with exactly one value parse. */
function fieldsMatch(fields: readonly NodeSelectorRequirement[], nodeName: string): boolean | undefined {
  let matched = true;
  for (const field of fields) {
    if ((field.operator !== 'In' && field.operator !== 'NotIn') || field.values?.length !== 1) return undefined;
    const actual = field.key === NODE_NAME_FIELD ? nodeName : '';
    if ((actual === field.values[0]) !== (field.operator === 'In')) matched = false;
  }
  return matched;
}

/** One NodeSelectorTerm: its expressions and fields are ANDed; an empty term, or one that fails to parse, matches nothing. */
export function nodeSelectorTermMatches(term: NodeSelectorTerm, node: NodeIdentity): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  if (exprs.length > 0) {
    const reqs = labelRequirements(exprs);
    if (!reqs || !matchesLabels(reqs, node.metadata.labels)) return false;
  }
  if (fields.length > 0) {
    const name = node.metadata.name ?? '';
    const matched = fieldsMatch(fields, name);
    if (matched === undefined) return false;
    // Upstream skips field requirements for a node without a name.
    if (name && !matched) return false;
  }
  return true;
}

/** A NodeSelector's terms are ORed. */
export function nodeSelectorMatches(selector: NodeSelector, node: NodeIdentity): boolean {
  return (selector.nodeSelectorTerms ?? []).some((term) => nodeSelectorTermMatches(term, node));
}

/** spec.nodeSelector (exact label values) AND the required node affinity, as the NodeAffinity filter checks. */
export function nodeMatchesRequiredAffinity(spec: PodSpec | undefined, node: NodeIdentity): boolean {
  const labels = node.metadata.labels ?? {};
  for (const [key, value] of Object.entries(spec?.nodeSelector ?? {})) {
    if (!Object.hasOwn(labels, key) || labels[key] !== value) return false;
  }
  const required = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return required === undefined || nodeSelectorMatches(required, node);
}

/**
 * NodeAffinity's PreFilter: the only nodes worth filtering when every required term pins node names with a
 * `metadata.name In` field (how DaemonSet pods are placed). Undefined means every node; an empty set means the
 * terms pin disjoint names, so no node can match.
 */
export function requiredNodeNames(spec: PodSpec | undefined): ReadonlySet<string> | undefined {
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  if (terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    let termNames: Set<string> | undefined;
    for (const field of term.matchFields ?? []) {
      if (field.key !== NODE_NAME_FIELD || field.operator !== 'In') continue;
      const values = new Set(field.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => values.has(n))) : values;
    }
    // A term without a name pin lets any node through, and terms are ORed.
    if (!termNames) return undefined;
    for (const name of termNames) names.add(name);
  }
  return names;
}

/** NodeAffinity's raw score: the summed weights of the preferred terms the node matches. */
export function preferredAffinityWeight(spec: PodSpec | undefined, node: NodeIdentity): number {
  let weight = 0;
  for (const term of spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []) {
    if (term.weight && term.preference && nodeSelectorTermMatches(term.preference, node)) weight += term.weight;
  }
  return weight;
}
