import type { KubeObject, LabelSelector } from '../../../schemas/meta.js';
import { invalid, type FieldError } from '../field-errors.js';
import { semanticEqual } from './semantic-equal.js';

interface Selecting extends KubeObject {
  spec?: { selector?: LabelSelector };
}

/**
 * apps/v1 and batch/v1 freeze a controller's selector (extensions/v1beta1 did not): pods it already selects would
 * otherwise be orphaned, or other controllers' pods adopted.
 */
export function validateSelectorUnchanged(obj: Selecting, old: Selecting): FieldError[] {
  const selector = obj.spec?.selector;
  return semanticEqual(selector, old.spec?.selector) ? [] : [invalid('spec.selector', selector ?? null, 'field is immutable')];
}
