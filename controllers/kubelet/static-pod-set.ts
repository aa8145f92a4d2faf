import type { PodStatus } from '../../schemas/core/pod.js';
import type { KubeObject } from '../../schemas/meta.js';
import type { ControllerClock } from '../runtime/clock.js';
import type { KubeletConfig } from './config.js';
import { ManifestSource } from './manifest-source.js';
import type { PodObject } from './pod-status.js';
import {
  formatSeen,
  isMirrorPod,
  mirrorHash,
  mirrorPodFor,
  mirrorPodName,
  staticPodHash,
  staticPodNamespace,
} from './static-pods.js';

export interface DesiredMirror {
  hash: string;
  pod: PodObject;
}

/**
 * The static pods this kubelet runs and what it remembers about them. A static pod runs from its file whether or
 * not its mirror exists, so the status last reported for it outlives a deleted mirror: the next mirror shows the
 * same start times and container ids, as upstream's status manager re-syncs its cached status.
 */
export class StaticPodSet {
  private readonly source: ManifestSource | undefined;
  private readonly seen = new Map<string, string>();
  private readonly reported = new Map<string, PodStatus>();

  constructor(
    private readonly config: KubeletConfig,
    private readonly clock: ControllerClock,
    log: (message: string) => void,
    onChange: () => void,
  ) {
    if (config.staticPodDir) this.source = new ManifestSource(config.staticPodDir, clock, config.staticPodRescanMs, log, onChange);
  }

  /** Mirror pods may be judged orphans only once the directory has been read (upstream's sourcesReady). */
  get ready(): boolean {
    return this.source?.ready ?? true;
  }

  start(): void {
    this.source?.start();
  }

  stop(): void {
    this.source?.stop();
  }

  rescan(): void {
    this.source?.rescan();
  }

  runsOn(nodeName: string): boolean {
    const chosen = this.config.staticPodNodes;
    return chosen === 'all' || chosen.includes(nodeName);
  }

  /** The mirror pods the node should show, by `namespace/name`. */
  desiredFor(node: KubeObject): Map<string, DesiredMirror> {
    const out = new Map<string, DesiredMirror>();
    const nodeName = node.metadata.name!;
    if (!this.runsOn(nodeName)) return out;
    for (const manifest of this.source?.list() ?? []) {
      const hash = staticPodHash(manifest, nodeName);
      const instance = `${nodeName}/${hash}`;
      let seen = this.seen.get(instance);
      if (!seen) this.seen.set(instance, (seen = formatSeen(this.clock.now())));
      const key = `${staticPodNamespace(manifest)}/${mirrorPodName(manifest, nodeName)}`;
      out.set(key, { hash, pod: mirrorPodFor(manifest, node, hash, seen) });
    }
    return out;
  }

  /** The identity container ids derive from: the static pod (node + hash), not the mirror's uid. */
  instanceOf(pod: PodObject): string | undefined {
    return isMirrorPod(pod) ? `${pod.spec?.nodeName}/${mirrorHash(pod)}` : undefined;
  }

  /** A fresh mirror of a static pod that already runs, seen with the status last reported for that static pod. */
  withReportedStatus(pod: PodObject): PodObject {
    const instance = this.instanceOf(pod);
    const reported = instance && !pod.status?.startTime ? this.reported.get(instance) : undefined;
    return reported ? { ...pod, status: { ...reported, qosClass: pod.status?.qosClass } } : pod;
  }

  remember(pod: PodObject, status: PodStatus): void {
    const instance = this.instanceOf(pod);
    if (instance) this.reported.set(instance, status);
  }

  /** The static pod stopped for good (its file changed or went away): nothing of it is worth keeping. */
  forget(pod: KubeObject): void {
    const instance = this.instanceOf(pod as PodObject);
    if (!instance) return;
    this.seen.delete(instance);
    this.reported.delete(instance);
  }
}
