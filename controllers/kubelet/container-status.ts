import { createHash } from 'node:crypto';
import type { Container, ContainerStatus } from '../../schemas/core/pod.js';

const DEFAULT_DOMAIN = 'docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

interface ImageParts {
  repository: string;
  tag: string;
  digest: string;
}

/** Docker reference rules: a first path component with a dot, a colon or "localhost" is a registry. */
function splitImage(image: string): ImageParts {
  const at = image.indexOf('@');
  const name = at < 0 ? image : image.slice(0, at);
  const digest = at < 0 ? '' : image.slice(at);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  const hasDomain = first.includes('.') || first.includes(':') || first === 'localhost';
  let path = hasDomain ? name.slice(slash + 1) : name;
  const domain = hasDomain ? first : DEFAULT_DOMAIN;
  const colon = path.lastIndexOf(':');
  let tag = '';
  if (colon > path.lastIndexOf('/')) {
    tag = path.slice(colon);
    path = path.slice(0, colon);
  }
  if (domain === DEFAULT_DOMAIN && !path.includes('/')) path = OFFICIAL_REPO_PREFIX + path;
  if (!tag && !digest) tag = ':latest';
  return { repository: `${domain}/${path}`, tag, digest };
}

/** The fully qualified reference a CRI runtime reports for a running container (nginx → docker.io/library/nginx:latest). */
export function runtimeImage(image: string): string {
  const { repository, tag, digest } = splitImage(image);
  return `${repository}${tag}${digest}`;
}

/** repo@sha256:…, the pinned digest if the image names one, else a stable digest derived from the reference. */
export function runtimeImageID(image: string): string {
  const { repository, tag, digest } = splitImage(image);
  return `${repository}${digest || `@sha256:${sha256(repository + tag)}`}`;
}

/**
 * A containerd-style id, stable for one container of one pod instance: a static pod keeps its ids when only its
 * mirror pod is recreated, since the containers themselves never stopped.
 */
export function containerID(instance: string, container: string): string {
  return `containerd://${sha256(`${instance}/${container}`)}`;
}

/**
 * The mounts as the kubelet reports them since RecursiveReadOnlyMounts went beta (1.31): a read-only mount says
 * whether it is recursively read-only, which a runtime without that support never is.
 */
function withVolumeMounts(status: ContainerStatus, container: Container): ContainerStatus {
  // The shared schema predates this field; the object stays a ContainerStatus with one more member.
  const mounts = container.volumeMounts ?? [];
  if (mounts.length === 0) return status;
  const volumeMounts = mounts.map((m) =>
    m.readOnly
      ? { name: m.name, mountPath: m.mountPath, readOnly: true, recursiveReadOnly: 'Disabled' }
      : { name: m.name, mountPath: m.mountPath },
  );
  return { ...status, volumeMounts } as ContainerStatus;
}

export function waitingContainer(container: Container, reason: string): ContainerStatus {
  const status: ContainerStatus = {
    name: container.name,
    state: { waiting: { reason } },
    lastState: {},
    ready: false,
    restartCount: 0,
    image: container.image,
    imageID: '',
    started: false,
  };
  return withVolumeMounts(status, container);
}

export function runningContainer(container: Container, instance: string, startedAt: string): ContainerStatus {
  const status: ContainerStatus = {
    name: container.name,
    state: { running: { startedAt } },
    lastState: {},
    ready: true,
    restartCount: 0,
    image: runtimeImage(container.image ?? ''),
    imageID: runtimeImageID(container.image ?? ''),
    containerID: containerID(instance, container.name ?? ''),
    started: true,
  };
  return withVolumeMounts(status, container);
}

/** A container that ran from `startedAt` and exited at `finishedAt` (an init container, or any at pod shutdown). */
export function exitedContainer(
  container: Container,
  instance: string,
  run: { startedAt: string; finishedAt: string; exitCode: number; reason: string; ready: boolean },
): ContainerStatus {
  const id = containerID(instance, container.name ?? '');
  const status: ContainerStatus = {
    name: container.name,
    state: {
      terminated: { exitCode: run.exitCode, reason: run.reason, startedAt: run.startedAt, finishedAt: run.finishedAt, containerID: id },
    },
    lastState: {},
    ready: run.ready,
    restartCount: 0,
    image: runtimeImage(container.image ?? ''),
    imageID: runtimeImageID(container.image ?? ''),
    containerID: id,
    started: false,
  };
  return withVolumeMounts(status, container);
}

/** When a reported container started running, if it did. */
export function startedAt(status: ContainerStatus | undefined): string | undefined {
  return status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt ?? undefined;
}
