import type { Event } from '../../../schemas/core/event.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { invalid, required, type FieldError } from '../field-errors.js';
import { isDNS1123Subdomain, isQualifiedName } from '../validation/names.js';
import { defineStrategy } from '../strategy.js';

export type EventObject = Event & KubeObject;

const REPORTING_INSTANCE_LIMIT = 128;
const ACTION_LIMIT = 128;
const REASON_LIMIT = 128;
const NOTE_LIMIT = 1024;

/**
 * pkg/registry/core/event/strategy.go through core/v1, which only runs upstream's legacy event validation.
 * Names only need to be usable as a path segment: core/v1 events skip the DNS name rules.
 */
export const eventStrategy = defineStrategy<EventObject>({
  nameRule: 'path-segment',

  applyDefaults(event) {
    // Non-pointer structs and non-omitempty fields upstream: they always serialize, zero-valued if unset.
    event.involvedObject ??= {};
    event.source ??= {};
    if (event.firstTimestamp === undefined) event.firstTimestamp = null;
    if (event.lastTimestamp === undefined) event.lastTimestamp = null;
    if (event.eventTime === undefined) event.eventTime = null;
    event.reportingComponent ??= '';
    event.reportingInstance ??= '';
  },

  validate(event) {
    return validateLegacyEvent(event);
  },

  selectableFields: {
    'involvedObject.kind': (e) => e.involvedObject?.kind ?? '',
    'involvedObject.namespace': (e) => e.involvedObject?.namespace ?? '',
    'involvedObject.name': (e) => e.involvedObject?.name ?? '',
    'involvedObject.uid': (e) => e.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (e) => e.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (e) => e.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (e) => e.involvedObject?.fieldPath ?? '',
    reason: (e) => e.reason ?? '',
    reportingComponent: (e) => e.reportingComponent ?? '',
    source: (e) => e.source?.component ?? '',
    type: (e) => e.type ?? '',
  },
});

/**
 * Upstream's legacyValidateEvent. Events without eventTime come from old-style recorders and only need their
 * namespace to agree with the involved object's; new-style events must say who reported what. Upstream names the
 * reporting component by its internal field name, reportingController.
 */
function validateLegacyEvent(event: EventObject): FieldError[] {
  const errs: FieldError[] = [];
  const namespace = event.metadata.namespace ?? '';
  const involvedNamespace = event.involvedObject?.namespace ?? '';
  const mismatch = () => invalid('involvedObject.namespace', involvedNamespace, 'does not match event.namespace');
  if (!event.eventTime) {
    if (!involvedNamespace) {
      // Cluster-scoped objects' events may live in "default", for old clients.
      if (namespace !== '' && namespace !== 'default') errs.push(mismatch());
    } else if (namespace !== involvedNamespace) {
      errs.push(mismatch());
    }
  } else {
    if (!involvedNamespace && namespace !== 'default' && namespace !== 'kube-system') errs.push(mismatch());
    const controller = event.reportingComponent ?? '';
    if (!controller) errs.push(required('reportingController'));
    errs.push(...isQualifiedName(controller).map((msg) => invalid('reportingController', controller, msg)));
    errs.push(...requiredWithLimit(event.reportingInstance, 'reportingInstance', REPORTING_INSTANCE_LIMIT));
    errs.push(...requiredWithLimit(event.action, 'action', ACTION_LIMIT));
    errs.push(...requiredWithLimit(event.reason, 'reason', REASON_LIMIT));
    if ((event.message ?? '').length > NOTE_LIMIT) errs.push(invalid('message', '', `can have at most ${NOTE_LIMIT} characters`));
  }
  errs.push(...isDNS1123Subdomain(namespace).map((msg) => invalid('namespace', namespace, msg)));
  return errs;
}

function requiredWithLimit(value: string | undefined, path: string, limit: number): FieldError[] {
  const text = value ?? '';
  if (!text) return [required(path)];
  return text.length > limit ? [invalid(path, '', `can have at most ${limit} characters`)] : [];
}
