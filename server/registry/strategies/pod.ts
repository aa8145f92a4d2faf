import type { Pod, PodSpec, PodStatus } from '../../../schemas/core/pod.js';
import type { KubeObject } from '../../../schemas/meta.js';
import { child, forbidden, invalid, type FieldError } from '../field-errors.js';
import { addDefaultTolerationSeconds } from '../admission/default-toleration-seconds.js';
import { defineStrategy } from '../strategy.js';
import { setPodOnlyDefaults, setPodSpecDefaults } from './pod-defaults.js';
import { computeQOSClass } from './pod-qos.js';
import { validatePodStatusUpdate } from './pod-status-validation.js';
import { validatePodSpecUpdate } from './pod-update-validation.js';
import { validatePodSpec } from './pod-validation.js';

export type PodObject = Pod & KubeObject;

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** pkg/registry/core/pod/strategy.go for v1.32 (pods carry no metadata.generation yet). */
export const podStrategy = defineStrategy<PodObject>({
  applyDefaults(pod) {
    const spec = (pod.spec ??= {});
    setPodOnlyDefaults(spec);
    setPodSpecDefaults(spec);
    if (pod.status) mirrorIPs(pod.status);
  },

  prepareForCreate(pod) {
    const spec = (pod.spec ??= {});
    // The DefaultTolerationSeconds admission plugin, which upstream runs on every pod create and update.
    addDefaultTolerationSeconds(pod);
    pod.status = { phase: 'Pending', qosClass: computeQOSClass(spec) };
    if (spec.schedulingGates?.length) {
      pod.status.conditions = [
        {
          type: 'PodScheduled',
          status: 'False',
          lastProbeTime: null,
          // The condition appears as the pod is created, so its transition time is the creation time.
          lastTransitionTime: pod.metadata.creationTimestamp ?? null,
          reason: 'SchedulingGated',
          message: 'Scheduling is blocked due to non-empty scheduling gates',
        },
      ];
    }
  },

  prepareForUpdate(pod) {
    addDefaultTolerationSeconds(pod);
  },

  validate(pod) {
    const spec = pod.spec ?? {};
    const errs = validatePodSpec(spec, 'spec', { resourceIsPod: true });
    errs.push(...validatePodOnly(pod, spec));
    return errs;
  },

  validateUpdate(pod, old) {
    return validatePodSpecUpdate(pod.spec ?? {}, old.spec ?? {});
  },

  prepareForStatusUpdate(pod, old) {
    // Older kubelets drop qosClass when they reject a pod; it was fixed at creation, so carry it over.
    const status = (pod.status ??= {});
    status.qosClass ||= old.status?.qosClass;
  },

  validateStatusUpdate(pod, old) {
    return validatePodStatusUpdate(pod.status ?? {}, old.status ?? {}, old.spec ?? {});
  },

  selectableFields: {
    'spec.nodeName': (pod) => pod.spec?.nodeName ?? '',
    'spec.restartPolicy': (pod) => pod.spec?.restartPolicy ?? '',
    'spec.schedulerName': (pod) => pod.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (pod) => pod.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (pod) => String(pod.spec?.hostNetwork === true),
    'status.phase': (pod) => pod.status?.phase ?? '',
    'status.podIP': (pod) => pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '',
    'status.nominatedNodeName': (pod) => pod.status?.nominatedNodeName ?? '',
  },
});

/**
 * v1 keeps podIP/hostIP beside the podIPs/hostIPs lists: a lone single address fills the list, and the list's
 * first entry is what the single field then shows.
 */
function mirrorIPs(status: PodStatus): void {
  if (status.podIP && !status.podIPs?.length) status.podIPs = [{ ip: status.podIP }];
  if (status.podIPs?.length) status.podIP = status.podIPs[0].ip;
  if (status.hostIP && !status.hostIPs?.length) status.hostIPs = [{ ip: status.hostIP }];
  if (status.hostIPs?.length) status.hostIP = status.hostIPs[0].ip;
}

/** Checks upstream makes of a Pod but not of a pod template. */
function validatePodOnly(pod: PodObject, spec: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  for (const list of ['containers', 'initContainers'] as const) {
    (spec[list] ?? []).forEach((ctr, i) => {
      const image = ctr.image ?? '';
      if (image.trim() !== image) {
        errs.push(invalid(child(child(child('spec', list), i), 'image'), image, 'must not have leading or trailing whitespace'));
      }
    });
  }
  if (!spec.serviceAccountName) {
    (spec.volumes ?? []).forEach((volume, i) => {
      (volume.projected?.sources ?? []).forEach((source, j) => {
        if (!source.serviceAccountToken) return;
        const path = `spec.volumes[${i}].projected.sources[${j}].serviceAccountToken`;
        errs.push(forbidden(path, 'must not be specified when serviceAccountName is not set'));
      });
    });
  }
  const mirror = pod.metadata.annotations?.[MIRROR_POD_ANNOTATION];
  if (mirror !== undefined && !spec.nodeName) {
    const path = `metadata.annotations[${MIRROR_POD_ANNOTATION}]`;
    errs.push(invalid(path, mirror, 'must set spec.nodeName if mirror pod annotation is set'));
  }
  if (spec.ephemeralContainers?.length) errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (spec.nodeName && spec.schedulingGates?.length) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}
