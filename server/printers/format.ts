import type { LabelSelector } from '../../schemas/meta.js';
import { ApiError } from '../errors.js';
import { compareGoStrings } from '../registry/selectors/go-text.js';
import { labelRequirementsString, labelSelectorFromObject } from '../registry/selectors/label-selector.js';

export { formatLabelSelector } from '../registry/selectors/label-selector.js';

/**
 * Kinds stored without a schema for their spec (Deployment, Service…) can hold any JSON there; reading a list that
 * is not one as empty keeps one malformed object from failing a whole `kubectl get`.
 */
export function list<T>(value: readonly T[] | undefined): readonly T[] {
  return Array.isArray(value) ? value : [];
}

/** Go's zero value for an int32 field read from an object whose schema does not check it. */
export function int(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

/** Go's zero value for a string field read from an object whose schema does not check it. */
export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * labels.FormatLabels: `k=v` pairs joined by commas, `<none>` when empty. Upstream sorts the joined `k=v` strings,
 * not the keys, which differs when one key is a prefix of another (`a.b=x` sorts before `a=y`).
 */
export function formatLabels(labels: Record<string, string> | undefined | null): string {
  const pairs = Object.entries(labels ?? {}).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareGoStrings).join(',');
}

/**
 * metav1.LabelSelectorAsSelector(...).String() as printDeployment uses it: empty for a missing or empty selector,
 * `<invalid>` when it does not convert.
 */
export function labelSelectorString(selector: LabelSelector | undefined | null): string {
  try {
    return labelRequirementsString(labelSelectorFromObject(selector));
  } catch (err) {
    if (err instanceof ApiError) return '<invalid>';
    throw err;
  }
}

interface NamedImage {
  name?: unknown;
  image?: unknown;
}

/** layoutContainerCells: container names and images, each comma-joined in template order. */
export function layoutContainerCells(containers: readonly NamedImage[] | undefined): [string, string] {
  const items = list(containers);
  return [items.map((c) => str(c.name)).join(','), items.map((c) => str(c.image)).join(',')];
}

/** The owner reference marked as controller, as metav1.GetControllerOf picks it. */
export function controllerOf<T extends { controller?: boolean }>(refs: readonly T[] | undefined): T | undefined {
  return list(refs).find((ref) => ref.controller === true);
}

// unicode.IsSpace: JS's trim() also strips U+FEFF, which Go keeps, and keeps U+0085, which Go strips.
const GO_SPACE = '\\t\\n\\v\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const GO_TRIM = new RegExp(`^[${GO_SPACE}]+|[${GO_SPACE}]+$`, 'g');

/** strings.TrimSpace. */
export function trimSpace(s: string): string {
  return s.replace(GO_TRIM, '');
}
