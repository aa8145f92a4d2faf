import type { PodStatus } from '../../schemas/core/pod.js';
import { ApiError } from '../../server/errors.js';
import type { ResourceDef } from '../../server/registry/resource.js';
import type { PodObject } from '../../server/registry/strategies/pod.js';
import type { ControllerContext } from '../runtime/context.js';
import type { EventRecorder } from '../runtime/events.js';
import { markPodNotReady } from './pod-conditions.js';

/**
 * MarkPodsNotReady: the pods still bound to the node get Ready=False through status writes, each followed by a
 * Warning `NodeNotReady` event. Returns false when some write failed, so the caller tries the node again.
 */
export function markPodsNotReady(
  ctx: ControllerContext,
  pods: ResourceDef,
  recorder: EventRecorder,
  candidates: readonly PodObject[],
  nodeName: string,
): boolean {
  let ok = true;
  const now = ctx.clock.now();
  for (const pod of candidates) {
    if (pod.spec?.nodeName !== nodeName) continue;
    if (!markPodNotReady(structuredClone(pod.status ?? {}), now)) continue;
    const { namespace, name } = pod.metadata;
    try {
      const written = ctx.store.guaranteedUpdate(
        pods,
        namespace!,
        name!,
        (current) => (markPodNotReady(((current as PodObject).status ??= {}) as PodStatus, now) ? current : undefined),
        { subresource: 'status' },
      );
      if (written) recorder.event(written, 'Warning', 'NodeNotReady', 'Node is not ready');
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      if (err.code === 404) continue;
      ctx.log(`node-lifecycle: marking pod ${namespace}/${name} not ready failed: ${err.message}`);
      ok = false;
    }
  }
  return ok;
}
