import { Type, type Static } from '@sinclair/typebox';
import { LabelSelector, ObjectMeta, Strict, Time, TopLevel } from '../meta.js';
import { AtomicList } from '../core/container.js';
import { PodTemplateSpec } from '../core/pod.js';

/** batch/v1 Job (v1.32). Go decodes absent fields to their zero values, so nothing below is required on input. */

const Str = (description?: string) => Type.Optional(Type.String(description === undefined ? {} : { description }));
const Int = (description?: string) => Type.Optional(Type.Integer(description === undefined ? {} : { description }));
const Bool = (description: string) => Type.Optional(Type.Boolean({ description }));
const NullableTime = (description?: string) =>
  Type.Optional(Type.Union([Time, Type.Null()], description === undefined ? {} : { description }));
const SetList = <T extends Parameters<typeof Type.Array>[0]>(item: T) => Type.Array(item, { 'x-kubernetes-list-type': 'set' });

export const PodFailurePolicyOnExitCodesRequirement = Strict({
  containerName: Str('Only exit codes of this container count; all containers when unset.'),
  operator: Str('In or NotIn.'),
  values: Type.Optional(SetList(Type.Integer())),
});

export const PodFailurePolicyOnPodConditionsPattern = Strict({
  type: Str('The pod condition type to match.'),
  status: Str('The pod condition status to match (default True).'),
});

export const PodFailurePolicyRule = Strict({
  action: Str('FailJob, FailIndex, Ignore or Count.'),
  onExitCodes: Type.Optional(PodFailurePolicyOnExitCodesRequirement),
  onPodConditions: Type.Optional(AtomicList(PodFailurePolicyOnPodConditionsPattern)),
});
export type PodFailurePolicyRule = Static<typeof PodFailurePolicyRule>;

export const PodFailurePolicy = Strict({ rules: Type.Optional(AtomicList(PodFailurePolicyRule)) });
export type PodFailurePolicy = Static<typeof PodFailurePolicy>;

export const SuccessPolicyRule = Strict({
  succeededIndexes: Str('Indexes that must succeed, e.g. "1,3-5".'),
  succeededCount: Int('How many of those indexes must succeed.'),
});
export type SuccessPolicyRule = Static<typeof SuccessPolicyRule>;

export const SuccessPolicy = Strict({ rules: Type.Optional(AtomicList(SuccessPolicyRule)) });

export const JobSpec = Strict({
  parallelism: Int('Pods that may run at the same time (default 1).'),
  completions: Int('Successful pods needed (default 1 when parallelism is unset too).'),
  activeDeadlineSeconds: Int('Seconds the job may stay active before it is terminated.'),
  podFailurePolicy: Type.Optional(PodFailurePolicy),
  successPolicy: Type.Optional(SuccessPolicy),
  backoffLimit: Int('Retries before the job is marked failed (default 6).'),
  backoffLimitPerIndex: Int('Retries per index of an Indexed job.'),
  maxFailedIndexes: Int('Failed indexes tolerated before the job fails.'),
  selector: Type.Optional(LabelSelector),
  manualSelector: Bool('The client picks the selector and pod labels instead of the system.'),
  template: Type.Optional(PodTemplateSpec),
  ttlSecondsAfterFinished: Int('Seconds after finishing when the job may be deleted.'),
  completionMode: Str('"NonIndexed" (the default) or "Indexed".'),
  suspend: Bool('No pods are created while true (default false).'),
  podReplacementPolicy: Str('When failed pods are replaced: "TerminatingOrFailed" or "Failed".'),
  managedBy: Str('The controller that reconciles the job (default kubernetes.io/job-controller).'),
});
export type JobSpec = Static<typeof JobSpec>;

export const JobCondition = Strict({
  type: Str('Complete, Failed, Suspended, FailureTarget or SuccessCriteriaMet.'),
  status: Str('True, False or Unknown.'),
  lastProbeTime: NullableTime('When the condition was last checked.'),
  lastTransitionTime: NullableTime('When the status last changed.'),
  reason: Str('Machine-readable cause of the last transition.'),
  message: Str('Human-readable details of the last transition.'),
});
export type JobCondition = Static<typeof JobCondition>;

export const UncountedTerminatedPods = Strict({
  succeeded: Type.Optional(SetList(Type.String())),
  failed: Type.Optional(SetList(Type.String())),
});

export const JobStatus = Strict({
  conditions: Type.Optional(
    Type.Array(JobCondition, {
      'x-kubernetes-patch-strategy': 'merge',
      'x-kubernetes-patch-merge-key': 'type',
      'x-kubernetes-list-type': 'atomic',
    }),
  ),
  startTime: NullableTime('When the job controller started processing the job.'),
  completionTime: NullableTime('When the job finished successfully.'),
  active: Int('Pending and running pods.'),
  succeeded: Int('Pods that reached phase Succeeded.'),
  failed: Int('Pods that reached phase Failed.'),
  terminating: Int('Pods that are terminating.'),
  completedIndexes: Str('Completed indexes of an Indexed job, e.g. "1,3-5,7".'),
  failedIndexes: Str('Failed indexes of a job with backoffLimitPerIndex.'),
  uncountedTerminatedPods: Type.Optional(UncountedTerminatedPods),
  ready: Int('Pods with a Ready condition.'),
});
export type JobStatus = Static<typeof JobStatus>;

export const Job = TopLevel({
  spec: Type.Optional(JobSpec),
  status: Type.Optional(JobStatus),
});

export const JobTemplateSpec = Strict({
  metadata: Type.Optional(ObjectMeta),
  spec: Type.Optional(JobSpec),
});
export type JobTemplateSpec = Static<typeof JobTemplateSpec>;
