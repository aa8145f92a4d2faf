import type { ContainerStatus, PodSpec, PodStatus } from '../../../schemas/core/pod.js';
import { child, duplicate, forbidden, invalid, type FieldError } from '../field-errors.js';
import { isDNS1123Subdomain, isQualifiedName } from '../validation/names.js';
import { isDualStack, validateIP } from './value-formats.js';

/** Upstream's ValidatePodStatusUpdate: what a kubelet may and may not report. */

const SYSTEM_CONDITIONS = new Set(['PodScheduled', 'Ready', 'Initialized']);

export function validatePodStatusUpdate(status: PodStatus, old: PodStatus, spec: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  (status.conditions ?? []).forEach((condition, i) => {
    const type = condition.type ?? '';
    if (SYSTEM_CONDITIONS.has(type)) return;
    // Upstream roots this path at metadata rather than status.
    errs.push(...isQualifiedName(type).map((msg) => invalid(`metadata.conditions[${i}].Type`, type, msg)));
  });
  const nominated = status.nominatedNodeName ?? '';
  if (nominated && nominated !== (old.nominatedNodeName ?? '')) {
    errs.push(...isDNS1123Subdomain(nominated).map((msg) => invalid('status.nominatedNodeName', nominated, msg)));
  }
  if ((status.qosClass ?? '') !== (old.qosClass ?? '')) {
    errs.push(invalid('status.qosClass', status.qosClass ?? '', 'field is immutable'));
  }
  const policy = spec.restartPolicy ?? '';
  const sidecars = new Set((spec.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name ?? ''));
  errs.push(
    ...validateStateTransitions(status.containerStatuses, old.containerStatuses, 'status.containerStatuses', policy, new Set()),
    ...validateStateTransitions(status.initContainerStatuses, old.initContainerStatuses, 'status.initContainerStatuses', policy, sidecars),
  );
  errs.push(...validateIPList((status.podIPs ?? []).map((p) => p.ip ?? ''), 'status.podIPs'));
  errs.push(...validateHostIPs(status));
  return errs;
}

/** A container that finished for good may not come back, unless the pod's restart policy brings it back. */
function validateStateTransitions(
  next: ContainerStatus[] | undefined,
  old: ContainerStatus[] | undefined,
  path: string,
  restartPolicy: string,
  restartable: Set<string>,
): FieldError[] {
  if (restartPolicy === 'Always') return [];
  const errs: FieldError[] = [];
  (old ?? []).forEach((before, i) => {
    const terminated = before.state?.terminated;
    if (!terminated) return;
    if ((terminated.exitCode ?? 0) !== 0 && restartPolicy === 'OnFailure') return;
    if (restartable.has(before.name ?? '')) return;
    for (const after of next ?? []) {
      if (after.name === before.name && !after.state?.terminated) {
        errs.push(forbidden(child(child(path, i), 'state'), 'may not be transitioned to non-terminated state'));
      }
    }
  });
  return errs;
}

function validateHostIPs(status: PodStatus): FieldError[] {
  const hostIPs = (status.hostIPs ?? []).map((h) => h.ip ?? '');
  if (hostIPs.length === 0) return [];
  const errs: FieldError[] = [];
  if ((status.hostIP ?? '') !== hostIPs[0]) errs.push(invalid('status.hostIPs[0].ip', hostIPs[0], 'must be equal to `hostIP`'));
  return [...errs, ...validateIPList(hostIPs, 'status.hostIPs')];
}

/** At most one address per IP family, none repeated. */
function validateIPList(ips: string[], path: string): FieldError[] {
  const errs = ips.flatMap((ip, i) => validateIP(child(path, i), ip));
  if (ips.length > 1) {
    if (!isDualStack(ips)) errs.push(invalid(path, ips.map((ip) => ({ ip })), 'may specify no more than one IP for each IP family'));
    const seen = new Set<string>();
    ips.forEach((ip, i) => {
      if (seen.has(ip)) errs.push(duplicate(child(path, i), { ip }));
      seen.add(ip);
    });
  }
  return errs;
}
