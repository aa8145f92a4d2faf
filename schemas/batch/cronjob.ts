import { Type, type Static } from '@sinclair/typebox';
import { Strict, Time, TopLevel } from '../meta.js';
import { AtomicList } from '../core/container.js';
import { ObjectReference } from '../core/object-reference.js';
import { JobTemplateSpec } from './job.js';

/** batch/v1 CronJob: the schedule, and the job template as batch/v1 Job models it. */
export const CronJobSpec = Strict({
  schedule: Type.Optional(Type.String()),
  timeZone: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  startingDeadlineSeconds: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  concurrencyPolicy: Type.Optional(Type.String()),
  suspend: Type.Optional(Type.Union([Type.Boolean(), Type.Null()])),
  jobTemplate: Type.Optional(JobTemplateSpec),
  successfulJobsHistoryLimit: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
  failedJobsHistoryLimit: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
});
export type CronJobSpec = Static<typeof CronJobSpec>;

export const CronJobStatus = Strict({
  active: Type.Optional(AtomicList(ObjectReference)),
  lastScheduleTime: Type.Optional(Type.Union([Time, Type.Null()])),
  lastSuccessfulTime: Type.Optional(Type.Union([Time, Type.Null()])),
});

export const CronJob = TopLevel({ spec: Type.Optional(CronJobSpec), status: Type.Optional(CronJobStatus) });
export type CronJob = Static<typeof CronJob>;
