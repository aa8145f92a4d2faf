import type { Node, NodeSpec, Taint } from '../../../schemas/core/node.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { child, duplicate, forbidden, invalid, type FieldError } from '../field-errors.js';
import { validateLabelName } from '../validation/label-selector.js';
import { isValidLabelValue } from '../validation/names.js';
import { defineStrategy } from '../strategy.js';
import { validateResourceList } from './resources-validation.js';
import { validateTaintEffect } from './scheduling-validation.js';
import { isDualStack, validateCIDR } from './value-formats.js';

export type NodeObject = Node & KubeObject;

const IMMUTABLE_ONCE_SET = (field: string) => `node updates may not change ${field} except from "" to valid`;

/** pkg/registry/core/node/strategy.go: nodes may set status on create; spec changes are mostly free. */
export const nodeStrategy = defineStrategy<NodeObject>({
  applyDefaults(node) {
    const spec = (node.spec ??= {});
    // v1's podCIDR is the first entry of podCIDRs: a lone podCIDR fills the list, the list's head is shown back.
    if (spec.podCIDR && !spec.podCIDRs?.length) spec.podCIDRs = [spec.podCIDR];
    if (spec.podCIDRs?.length) spec.podCIDR = spec.podCIDRs[0];
    const status = (node.status ??= {});
    if (status.capacity && !status.allocatable) status.allocatable = { ...status.capacity };
    // Both are non-pointer structs upstream, so even a node that never reported shows them zero-valued.
    status.daemonEndpoints ??= {};
    status.daemonEndpoints.kubeletEndpoint ??= {};
    status.daemonEndpoints.kubeletEndpoint.Port ??= 0;
    status.nodeInfo = {
      machineID: '',
      systemUUID: '',
      bootID: '',
      kernelVersion: '',
      osImage: '',
      containerRuntimeVersion: '',
      kubeletVersion: '',
      kubeProxyVersion: '',
      operatingSystem: '',
      architecture: '',
      ...status.nodeInfo,
    };
  },

  prepareForCreate(node) {
    // Dynamic kubelet configuration is gone; upstream drops its fields from new nodes.
    delete node.spec?.configSource;
    delete node.status?.config;
  },

  prepareForUpdate(node, old) {
    if (!old.spec?.configSource) delete node.spec?.configSource;
  },

  validate(node) {
    const spec = node.spec ?? {};
    // Upstream roots the taints path at metadata.
    const errs = validateTaints(spec.taints ?? [], 'metadata.taints');
    errs.push(...validateNodeResources(node));
    errs.push(...validatePodCIDRs(spec.podCIDRs ?? []));
    return errs;
  },

  validateUpdate(node, old) {
    return validateNodeUpdate(node, old);
  },

  validateStatusUpdate(node, old) {
    return [...validateNodeResources(node), ...validateNodeUpdate(node, old)];
  },

  selectableFields: {
    'spec.unschedulable': (node) => String(node.spec?.unschedulable === true),
  },
});

function validateTaints(taints: Taint[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  taints.forEach((taint, i) => {
    const at = child(path, i);
    errs.push(...validateLabelName(taint.key ?? '', child(at, 'key')));
    const value = taint.value ?? '';
    const msgs = isValidLabelValue(value);
    if (msgs.length > 0) errs.push(invalid(child(at, 'value'), value, msgs.join(';')));
    errs.push(...validateTaintEffect(taint.effect, false, child(at, 'effect')));
    const key = `${taint.effect ?? ''}\u0000${taint.key ?? ''}`;
    if (seen.has(key)) {
      const dup = duplicate(at, taint);
      errs.push({ ...dup, body: `${dup.body}: taints must be unique by key and effect pair` });
      return;
    }
    seen.add(key);
  });
  return errs;
}

function validateNodeResources(node: NodeObject): FieldError[] {
  return [
    ...validateResourceList(node.status?.capacity, 'status.capacity'),
    ...validateResourceList(node.status?.allocatable, 'status.allocatable'),
  ];
}

function validatePodCIDRs(cidrs: string[]): FieldError[] {
  const path = 'spec.podCIDRs';
  const errs = cidrs.flatMap((cidr, i) => validateCIDR(child(path, i), cidr));
  if (cidrs.length > 1) {
    if (!isDualStack(cidrs)) errs.push(invalid(path, cidrs, 'may specify no more than one CIDR for each IP family'));
    const seen = new Set<string>();
    cidrs.forEach((cidr, i) => {
      if (seen.has(cidr)) errs.push(duplicate(child(path, i), cidr));
      seen.add(cidr);
    });
  }
  return errs;
}

/** Upstream's ValidateNodeUpdate, which guards both the main resource and the status subresource. */
function validateNodeUpdate(node: NodeObject, old: NodeObject): FieldError[] {
  const errs: FieldError[] = [];
  const spec: NodeSpec = node.spec ?? {};
  const oldSpec: NodeSpec = old.spec ?? {};
  const seen = new Set<string>();
  (node.status?.addresses ?? []).forEach((address, i) => {
    const key = `${address.type ?? ''}\u0000${address.address ?? ''}`;
    if (seen.has(key)) errs.push(duplicate(`status.addresses[${i}]`, address));
    seen.add(key);
  });
  const oldCIDRs = oldSpec.podCIDRs ?? [];
  if (oldCIDRs.length > 0) {
    const cidrs = spec.podCIDRs ?? [];
    if (cidrs.length !== oldCIDRs.length) {
      errs.push(forbidden('spec.podCIDRs', IMMUTABLE_ONCE_SET('podCIDR')));
    } else {
      oldCIDRs.forEach((cidr, i) => {
        if (cidr !== cidrs[i]) errs.push(forbidden('spec.podCIDRs', IMMUTABLE_ONCE_SET('podCIDR')));
      });
    }
  }
  if (oldSpec.providerID && oldSpec.providerID !== spec.providerID) {
    errs.push(forbidden('spec.providerID', IMMUTABLE_ONCE_SET('providerID')));
  }
  if ((spec.externalID ?? '') !== (oldSpec.externalID ?? '')) errs.push(forbidden('spec.externalID', 'may not be updated'));
  return errs;
}
