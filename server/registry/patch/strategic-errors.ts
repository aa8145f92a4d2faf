// Strategic merge patch failures, worded as upstream's mergepatch errors, which print Go values with fmt.
import { ApiError, badRequest } from '../../errors.js';
import { compareGoStrings } from '../selectors/go-text.js';
import { goKind, type GoKind, type JsonMap } from './strategic-values.js';

const GO_TYPE_NAMES: Record<GoKind, string> = {
  map: 'map[string]interface {}',
  slice: '[]interface {}',
  string: 'string',
  bool: 'bool',
  int64: 'int64',
  float64: 'float64',
  // reflect.TypeOf(nil) is a nil Type, which `%s` prints as a bad verb.
  nil: '%!s(<nil>)',
};

export const MAP_TYPE = GO_TYPE_NAMES.map;
export const SLICE_TYPE = GO_TYPE_NAMES.slice;

/** `%v` of a float64: shortest digits, in exponent form outside [1e-4, 1e6) like strconv's 'g' with precision -1. */
function goFloat(n: number): string {
  const [mantissa, exponent] = n.toExponential().split('e');
  const exp = Number(exponent);
  if (exp >= -4 && exp < 6) return String(n);
  return `${mantissa}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/**
 * fmt's `%v` (or `%s`) of a decoded JSON value: maps print as `map[k:v …]` with sorted keys, slices as `[a b]`.
 * Under `%s` a non-string scalar prints as a bad verb, `%!s(int64=1)`, and so does a nil given directly.
 */
export function goFormat(value: unknown, verb: 'v' | 's' = 'v', nested = false): string {
  const kind = goKind(value);
  switch (kind) {
    case 'nil':
      return verb === 's' && !nested ? '%!s(<nil>)' : '<nil>';
    case 'string':
      return value as string;
    case 'slice':
      return `[${(value as unknown[]).map((item) => goFormat(item, verb, true)).join(' ')}]`;
    case 'map': {
      const map = value as JsonMap;
      const keys = Object.keys(map).sort(compareGoStrings);
      return `map[${keys.map((key) => `${key}:${goFormat(map[key], verb, true)}`).join(' ')}]`;
    }
    default: {
      let text = String(value);
      if (kind === 'int64') text = BigInt(value as number).toString();
      else if (kind === 'float64') text = goFloat(value as number);
      return verb === 's' ? `%!s(${kind}=${text})` : text;
    }
  }
}

/**
 * A merge failure upstream returns as a plain Go error. The apiserver answers those with a 500 whose reason is empty
 * (kubectl prints `Error from server: <message>`); they are reported here as 400 BadRequest with the same message.
 */
export function mergeFailure(message: string): ApiError {
  return badRequest(message);
}

/** The mergepatch sentinel errors the apiserver itself maps to 400 BadRequest. */
export const BAD_PRIMITIVE_LIST = 'invalid patch format of primitive list';
export const BAD_RETAIN_KEYS = 'invalid patch format of retainKeys';
export const BAD_SET_ORDER = 'invalid patch format of setElementOrder list';
export const BAD_JSON_DOC = 'invalid JSON document';

export function sentinel(message: string): ApiError {
  return badRequest(message);
}

/** ErrNoListOfLists, which the apiserver answers with a generic 422 carrying the reason as its cause. */
export function listOfLists(): ApiError {
  return new ApiError(422, 'Invalid', 'the server rejected our request due to an error in our request', {
    causes: [{ reason: 'UnexpectedServerResponse', message: 'lists of lists are not supported' }],
  });
}

export function noMergeKey(item: unknown, mergeKey: string): ApiError {
  return mergeFailure(`map: ${goFormat(item)} does not contain declared merge key: ${mergeKey}`);
}

export function badArgType(expected: string, actual: unknown): ApiError {
  return mergeFailure(`expected a ${expected}, but received a ${GO_TYPE_NAMES[goKind(actual)]}`);
}

/**
 * Upstream prints the whole map here; only its directive is shown, as the map may hold a Secret's data and values
 * must never be echoed back.
 */
export function badPatchType(directive: unknown): ApiError {
  return mergeFailure(`unknown patch type: ${goFormat(directive, 's')} in map: ${goFormat({ $patch: directive })}`);
}
