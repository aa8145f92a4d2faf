import type { PodSecurityContext, PodSpec, PodTemplateSpec } from '../../../schemas/core/pod.js';
import { child, duplicate, forbidden, invalid, notSupported, required, type FieldError } from '../field-errors.js';
import { validateAnnotations, validateLabels } from '../validation/object-meta.js';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../validation/names.js';
import { validateContainers, validateInitContainers } from './container-validation.js';
import { validateResourceRequirements } from './resources-validation.js';
import { validateAffinity, validateTolerations } from './scheduling-validation.js';
import { inclusiveRangeError, isValidUserOrGroupID, validateIP } from './value-formats.js';
import { validateVolumes } from './volume-validation.js';

/**
 * Upstream's ValidatePodSpec and ValidatePodTemplateSpec. Both expect defaults to have been applied: a missing
 * default (restartPolicy, terminationGracePeriodSeconds, …) is reported like upstream reports it.
 */

export interface PodSpecValidationOptions {
  /** The spec is a Pod's own, not a template's: host ports must then already equal container ports. */
  resourceIsPod?: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const MAX_INT32 = 2147483647;

export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  if (!template) return [required(path)];
  // Upstream validates template labels and annotations one level up, at `<template>.labels`.
  const errs = validateLabels(template.metadata?.labels, child(path, 'labels'));
  errs.push(...validateAnnotations(template.metadata?.annotations, child(path, 'annotations')));
  const spec = template.spec ?? {};
  errs.push(...validatePodSpec(spec, child(path, 'spec')));
  if (spec.ephemeralContainers?.length) {
    errs.push(forbidden(child(child(path, 'spec'), 'ephemeralContainers'), 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}

export function validatePodSpec(spec: PodSpec, path: string, opts: PodSpecValidationOptions = {}): FieldError[] {
  const errs: FieldError[] = [];
  const at = (field: string) => child(path, field);
  if (spec.terminationGracePeriodSeconds === undefined) errs.push(required(at('terminationGracePeriodSeconds')));
  const { volumes, errors } = validateVolumes(spec.volumes, at('volumes'));
  errs.push(...errors);
  const ctx = { volumes, gracePeriod: spec.terminationGracePeriodSeconds };
  errs.push(...validateContainers(spec.containers, ctx, at('containers')));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, at('initContainers')));
  errs.push(...validateHostNetworkPorts(spec, path, opts));
  errs.push(...oneOf(spec.restartPolicy, RESTART_POLICIES, at('restartPolicy')));
  errs.push(...oneOf(spec.dnsPolicy, DNS_POLICIES, at('dnsPolicy')));
  errs.push(...validateLabels(spec.nodeSelector, at('nodeSelector')));
  errs.push(...validatePodSecurityContext(spec.securityContext, spec, at('securityContext')));
  errs.push(...validateAffinity(spec.affinity, at('affinity')));
  errs.push(...validateDNSConfig(spec, at('dnsConfig')));
  (spec.readinessGates ?? []).forEach((gate, i) => {
    const type = gate.conditionType ?? '';
    errs.push(...isQualifiedName(type).map((msg) => invalid(child(child(at('readinessGates'), i), 'conditionType'), type, msg)));
  });
  errs.push(...validateSchedulingGates(spec, at('schedulingGates')));
  for (const field of ['serviceAccountName', 'nodeName', 'priorityClassName'] as const) {
    const value = spec[field];
    if (value) errs.push(...isDNS1123Subdomain(value).map((msg) => invalid(at(field), value, msg)));
  }
  if (spec.runtimeClassName !== undefined) {
    const value = spec.runtimeClassName;
    errs.push(...isDNS1123Subdomain(value).map((msg) => invalid(at('runtimeClassName'), value, msg)));
  }
  const deadline = spec.activeDeadlineSeconds;
  if (deadline !== undefined && (deadline < 1 || deadline > MAX_INT32)) {
    errs.push(invalid(at('activeDeadlineSeconds'), deadline, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const field of ['hostname', 'subdomain'] as const) {
    const value = spec[field];
    if (value) errs.push(...isDNS1123Label(value).map((msg) => invalid(at(field), value, msg)));
  }
  errs.push(...validateTolerations(spec.tolerations, at('tolerations')));
  (spec.hostAliases ?? []).forEach((alias, i) => {
    const aliasPath = child(at('hostAliases'), i);
    errs.push(...validateIP(child(aliasPath, 'ip'), alias.ip ?? ''));
    (alias.hostnames ?? []).forEach((name, j) => {
      errs.push(...isDNS1123Subdomain(name).map((msg) => invalid(child(child(aliasPath, 'hostnames'), j), name, msg)));
    });
  });
  if (spec.preemptionPolicy !== undefined) errs.push(...oneOf(spec.preemptionPolicy, PREEMPTION_POLICIES, at('preemptionPolicy')));
  if (spec.overhead) errs.push(...validateResourceRequirements({ limits: spec.overhead }, at('overhead')));
  if (spec.os) {
    const name = spec.os.name ?? '';
    if (!name) errs.push(required(child(at('os'), 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows') errs.push(notSupported(at('os'), name, ['linux', 'windows']));
  }
  return errs;
}

/** Upstream's switch over a required enum: empty is Required, anything else unknown is Unsupported. */
function oneOf(value: string | undefined, supported: string[], path: string): FieldError[] {
  if (!value) return [required(path)];
  return supported.includes(value) ? [] : [notSupported(path, value, supported)];
}

/**
 * With the host's network the container port is the host port. A Pod has had host ports defaulted by now; a
 * template may leave them 0 for the pod defaulting to fill in.
 */
function validateHostNetworkPorts(spec: PodSpec, path: string, opts: PodSpecValidationOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((ctr, i) => {
    (ctr.ports ?? []).forEach((port, j) => {
      const hostPort = port.hostPort ?? 0;
      if ((opts.resourceIsPod || hostPort !== 0) && hostPort !== (port.containerPort ?? 0)) {
        const portPath = child(child(child(child(path, 'containers'), i), 'ports'), j);
        errs.push(invalid(child(portPath, 'hostPort'), hostPort, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validatePodSecurityContext(sc: PodSecurityContext | undefined, spec: PodSpec, path: string): FieldError[] {
  if (!sc) return [];
  const errs: FieldError[] = [];
  for (const field of ['fsGroup', 'runAsUser', 'runAsGroup'] as const) {
    const id = sc[field];
    if (id !== undefined) errs.push(...isValidUserOrGroupID(id).map((msg) => invalid(child(path, field), id, msg)));
  }
  (sc.supplementalGroups ?? []).forEach((gid, i) => {
    errs.push(...isValidUserOrGroupID(gid).map((msg) => invalid(child(child(path, 'supplementalGroups'), i), gid, msg)));
  });
  if (spec.shareProcessNamespace && spec.hostPID) {
    errs.push(invalid(child(path, 'shareProcessNamespace'), true, 'ShareProcessNamespace and HostPID cannot both be enabled'));
  }
  return errs;
}

function validateSchedulingGates(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  (spec.schedulingGates ?? []).forEach((gate, i) => {
    const name = gate.name ?? '';
    errs.push(...isQualifiedName(name).map((msg) => invalid(child(path, i), name, msg)));
    if (seen.has(name)) errs.push(duplicate(child(path, i), name));
    seen.add(name);
  });
  return errs;
}

const MAX_NAMESERVERS = 3;
const MAX_SEARCH_PATHS = 32;
const MAX_SEARCH_CHARS = 2048;

function validateDNSConfig(spec: PodSpec, path: string): FieldError[] {
  const config = spec.dnsConfig;
  if (spec.dnsPolicy === 'None') {
    if (!config) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (!config.nameservers?.length) {
      return [required(child(path, 'nameservers'), 'must provide at least one DNS nameserver when `dnsPolicy` is None')];
    }
  }
  if (!config) return [];
  const errs: FieldError[] = [];
  const nameservers = config.nameservers ?? [];
  const searches = config.searches ?? [];
  if (nameservers.length > MAX_NAMESERVERS) {
    errs.push(invalid(child(path, 'nameservers'), nameservers, `must not have more than ${MAX_NAMESERVERS} nameservers`));
  }
  nameservers.forEach((ns, i) => errs.push(...validateIP(child(child(path, 'nameservers'), i), ns)));
  if (searches.length > MAX_SEARCH_PATHS) {
    errs.push(invalid(child(path, 'searches'), searches, `must not have more than ${MAX_SEARCH_PATHS} search paths`));
  }
  if (searches.join(' ').length > MAX_SEARCH_CHARS) {
    const detail = `must not have more than ${MAX_SEARCH_CHARS} characters (including spaces) in the search list`;
    errs.push(invalid(child(path, 'searches'), searches, detail));
  }
  searches.forEach((search, i) => {
    const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
    errs.push(...isDNS1123Subdomain(trimmed).map((msg) => invalid(child(child(path, 'searches'), i), trimmed, msg)));
  });
  (config.options ?? []).forEach((option, i) => {
    if (!option.name) errs.push(required(child(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}
