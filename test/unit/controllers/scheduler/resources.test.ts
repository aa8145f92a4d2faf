import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodSpec } from '../../../../schemas/core/pod.js';
import { NON_ZERO_DEFAULTS, podRequests, resourcesFromList, toResources } from '../../../../controllers/scheduler/resources.js';

const c = (name: string, requests?: Record<string, string>, restartPolicy?: string) => ({
  name,
  restartPolicy,
  resources: requests ? { requests } : {},
});

function requests(spec: PodSpec, defaults?: Record<string, string | number>) {
  const r = toResources(podRequests(spec, defaults));
  return { cpu: r.milliCpu, memory: r.memory };
}

const cases: Array<{ name: string; spec: PodSpec; want: { cpu: number; memory: number }; defaults?: Record<string, string | number> }> = [
  { name: 'containers add up', spec: { containers: [c('a', { cpu: '250m', memory: '64Mi' }), c('b', { cpu: '0.5', memory: '1Gi' })] }, want: { cpu: 750, memory: 64 * 2 ** 20 + 2 ** 30 } },
  { name: 'an init container bigger than the sum sets the peak', spec: { containers: [c('a', { cpu: '100m' })], initContainers: [c('i', { cpu: '2' })] }, want: { cpu: 2000, memory: 0 } },
  { name: 'init containers take the max, not the sum', spec: { initContainers: [c('i1', { cpu: '300m' }), c('i2', { cpu: '200m' })], containers: [c('a', { cpu: '100m' })] }, want: { cpu: 300, memory: 0 } },
  { name: 'a sidecar adds to the containers and to the init containers after it', spec: { initContainers: [c('s', { cpu: '100m' }, 'Always'), c('i', { cpu: '500m' })], containers: [c('a', { cpu: '200m' })] }, want: { cpu: 600, memory: 0 } },
  { name: 'overhead comes on top', spec: { containers: [c('a', { cpu: '100m' })], overhead: { cpu: '50m', memory: '10Mi' } }, want: { cpu: 150, memory: 10 * 2 ** 20 } },
  { name: 'cpu rounds up to whole millicores', spec: { containers: [c('a', { cpu: '100100u' })] }, want: { cpu: 101, memory: 0 } },
  { name: 'memory rounds up to whole bytes', spec: { containers: [c('a', { memory: '1500m' })] }, want: { cpu: 0, memory: 2 } },
  { name: 'the non-zero defaults fill in only what a container leaves out', spec: { containers: [c('a', { cpu: '0' }), c('b')] }, defaults: NON_ZERO_DEFAULTS, want: { cpu: 100, memory: 2 * 200 * 2 ** 20 } },
];

for (const tc of cases) {
  test(`PodRequests: ${tc.name}`, () => {
    assert.deepEqual(requests(tc.spec, tc.defaults), tc.want);
  });
}

test('a node allocatable reads cpu, memory, ephemeral storage, pods and scalar resources', () => {
  const r = resourcesFromList({ cpu: '1k', memory: '1Ti', pods: '1M', 'ephemeral-storage': '10Gi', 'nvidia.com/gpu': '2', 'hugepages-2Mi': '1Gi', bogus: '3' });
  assert.equal(r.milliCpu, 1_000_000);
  assert.equal(r.memory, 2 ** 40);
  assert.equal(r.pods, 1_000_000);
  assert.equal(r.ephemeralStorage, 10 * 2 ** 30);
  assert.deepEqual([...r.scalar], [['nvidia.com/gpu', 2], ['hugepages-2Mi', 2 ** 30]]);
});
