import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodSpec } from '../../../../schemas/core/pod.js';
import { DEFAULT_NODE_LIFECYCLE_CONFIG } from '../../../../controllers/node-lifecycle/config.js';
import { NodeLifecycleController } from '../../../../controllers/node-lifecycle/node-lifecycle-controller.js';
import { TaintEvictionController } from '../../../../controllers/node-lifecycle/taint-eviction-controller.js';
import { PodGCController } from '../../../../controllers/pod-gc/pod-gc-controller.js';
import { DEFAULT_POD_GC_CONFIG } from '../../../../controllers/pod-gc/config.js';
import { addDefaultTolerationSeconds } from '../../../../server/registry/admission/default-toleration-seconds.js';
import { controllerHarness } from '../../../helpers/controller-harness.js';
import { condition, createLease, createNode, createPod, pod, renewLease } from './fixtures.js';

function cluster(lifecycle = DEFAULT_NODE_LIFECYCLE_CONFIG, gc = DEFAULT_POD_GC_CONFIG, tolerationSeconds = 300) {
  const h = controllerHarness();
  const controllers = [new NodeLifecycleController(h.ctx, lifecycle), new TaintEvictionController(h.ctx), new PodGCController(h.ctx, gc)];
  for (const name of ['n1', 'n2']) {
    createNode(h, name);
    createLease(h, name);
  }
  const admitted: { spec?: PodSpec } = {};
  addDefaultTolerationSeconds(admitted, { notReadyTolerationSeconds: tolerationSeconds, unreachableTolerationSeconds: tolerationSeconds });
  createPod(h, 'web', 'n1', { ready: true, tolerations: admitted.spec?.tolerations });
  for (const c of controllers) c.start();
  h.settle(controllers);
  /** Advances time while n2's kubelet keeps renewing its lease. */
  const run = (ms: number, step = 1_000) => {
    for (let left = ms; left > 0; left -= step) {
      renewLease(h, 'n2');
      h.advance(controllers, Math.min(step, left), Math.min(step, 100));
    }
  };
  return { h, controllers, run };
}

test('node goes silent: NotReady pods, the unreachable taint, eviction after the default 300 s, PodGC once the node is deleted', () => {
  const { h, run } = cluster();
  run(56_000);
  assert.equal(condition(pod(h, 'web'), 'Ready').status, 'False');
  run(5_000);
  const spec = h.get('', 'nodes', '', 'n1')!.spec as { taints: Array<{ key: string; effect: string; timeAdded: string }> };
  const noExecute = spec.taints.find((t) => t.effect === 'NoExecute')!;
  assert.equal(noExecute.key, 'node.kubernetes.io/unreachable');
  const taintedAt = Date.parse(noExecute.timeAdded);

  run(taintedAt + 299_000 - h.clock.now(), 5_000);
  assert.equal(pod(h, 'web').metadata.deletionTimestamp, undefined);
  run(10_000);
  assert.ok(pod(h, 'web').metadata.deletionTimestamp, 'evicted: Terminating, waiting for a kubelet that is gone');
  assert.equal(condition(pod(h, 'web'), 'DisruptionTarget').reason, 'DeletionByTaintManager');

  h.store.delete(h.def('', 'nodes'), '', 'n1');
  run(61_000, 5_000);
  assert.equal(pod(h, 'web'), undefined, 'PodGC force-deleted the orphan');
});

test('the whole sequence shrinks with short periods', () => {
  const { h, run } = cluster(
    { ...DEFAULT_NODE_LIFECYCLE_CONFIG, nodeMonitorPeriodMs: 200, nodeMonitorGracePeriodMs: 1_000, evictionLimiterQPS: 100 },
    { ...DEFAULT_POD_GC_CONFIG, gcCheckPeriodMs: 200, quarantineTimeMs: 500 },
    2,
  );
  run(4_000, 100);
  assert.ok(pod(h, 'web').metadata.deletionTimestamp);
  h.store.delete(h.def('', 'nodes'), '', 'n1');
  run(1_000, 100);
  assert.equal(pod(h, 'web'), undefined);
});
