import type { HTTPGetAction, Lifecycle, LifecycleHandler, Probe } from '../../../schemas/core/pod.js';
import { child, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { isHTTPHeaderName, isValidPortName, isValidPortNum } from './value-formats.js';

/** Probes and lifecycle hooks: exactly one handler each, well-formed ports, sane timings. */

type ProbeKind = 'livenessProbe' | 'readinessProbe' | 'startupProbe';

const IS_NEGATIVE = 'must be greater than or equal to 0';
const PROBE_TIMINGS = ['initialDelaySeconds', 'timeoutSeconds', 'periodSeconds', 'successThreshold', 'failureThreshold'] as const;

export function validateProbe(kind: ProbeKind, probe: Probe | undefined, gracePeriod: number | undefined, path: string): FieldError[] {
  if (!probe) return [];
  const errs = validateHandler(probe, ['exec', 'httpGet', 'tcpSocket', 'grpc'], gracePeriod, path);
  for (const timing of PROBE_TIMINGS) {
    const value = probe[timing] ?? 0;
    if (value < 0) errs.push(invalid(child(path, timing), value, IS_NEGATIVE));
  }
  const grace = probe.terminationGracePeriodSeconds;
  if (grace !== undefined && grace <= 0) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must be greater than 0'));
  }
  if (kind === 'readinessProbe' && grace !== undefined) {
    errs.push(invalid(child(path, 'terminationGracePeriodSeconds'), grace, 'must not be set for readinessProbes'));
  }
  // Only readiness can need several successes in a row; the other probes act on the first.
  if (kind !== 'readinessProbe' && (probe.successThreshold ?? 0) !== 1) {
    errs.push(invalid(child(path, 'successThreshold'), probe.successThreshold ?? 0, 'must be 1'));
  }
  return errs;
}

export function validateLifecycle(lifecycle: Lifecycle, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const hook of ['postStart', 'preStop'] as const) {
    const handler = lifecycle[hook];
    if (handler) errs.push(...validateHandler(handler, ['exec', 'httpGet', 'tcpSocket', 'sleep'], gracePeriod, child(path, hook)));
  }
  return errs;
}

type HandlerKind = 'exec' | 'httpGet' | 'tcpSocket' | 'grpc' | 'sleep';
type AnyHandler = Probe & LifecycleHandler;

function validateHandler(handler: AnyHandler, kinds: HandlerKind[], gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let found = false;
  for (const kind of kinds) {
    if (handler[kind] == null) continue;
    const at = child(path, kind);
    if (found) {
      errs.push(forbidden(at, 'may not specify more than 1 handler type'));
      continue;
    }
    found = true;
    errs.push(...validateAction(handler, kind, gracePeriod, at));
  }
  if (!found) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateAction(handler: AnyHandler, kind: HandlerKind, gracePeriod: number | undefined, path: string): FieldError[] {
  switch (kind) {
    case 'exec':
      return handler.exec?.command?.length ? [] : [required(child(path, 'command'))];
    case 'httpGet':
      return validateHTTPGet(handler.httpGet!, path);
    case 'tcpSocket':
      return validatePortNumOrName(handler.tcpSocket?.port, child(path, 'port'));
    case 'grpc':
      return validatePortNumOrName(handler.grpc?.port ?? 0, child(path, 'port'));
    case 'sleep': {
      const seconds = handler.sleep?.seconds ?? 0;
      if (gracePeriod === undefined || (seconds > 0 && seconds <= gracePeriod)) return [];
      const detail =
        `must be greater than 0 and less than terminationGracePeriodSeconds (${gracePeriod}). ` +
        'Enable AllowPodLifecycleSleepActionZeroValue feature gate for zero sleep.';
      return [invalid(path, seconds, detail)];
    }
  }
}

function validateHTTPGet(action: HTTPGetAction, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!action.path) errs.push(required(child(path, 'path')));
  errs.push(...validatePortNumOrName(action.port, child(path, 'port')));
  const scheme = action.scheme ?? '';
  if (scheme !== 'HTTP' && scheme !== 'HTTPS') errs.push(notSupported(child(path, 'scheme'), scheme, ['HTTP', 'HTTPS']));
  for (const header of action.httpHeaders ?? []) {
    const name = header.name ?? '';
    errs.push(...isHTTPHeaderName(name).map((msg) => invalid(child(path, 'httpHeaders'), name, msg)));
  }
  return errs;
}

/** An absent port decodes to Go's zero IntOrString, the integer 0. */
export function validatePortNumOrName(port: number | string | undefined, path: string): FieldError[] {
  if (typeof port === 'string') return isValidPortName(port).map((msg) => invalid(path, port, msg));
  const value = port ?? 0;
  return isValidPortNum(value).map((msg) => invalid(path, value, msg));
}
