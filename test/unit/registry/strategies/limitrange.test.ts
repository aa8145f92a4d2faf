import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { limitRangeStrategy } from '../../../../server/registry/strategies/limitrange.js';
import { runCreate } from './strategy-harness.js';

function limitRange(limits: unknown[]): KubeObject {
  return { apiVersion: 'v1', kind: 'LimitRange', metadata: { name: 'limits', namespace: 'default' }, spec: { limits } };
}

test('SetDefaults_LimitRangeItem: container defaults come from the bounds', () => {
  const { obj, errors } = runCreate(limitRangeStrategy, limitRange([
    { type: 'Container', max: { cpu: '2', memory: '1Gi' }, min: { cpu: '100m', 'ephemeral-storage': '1Gi' } },
    { type: 'Pod', max: { cpu: '4' } },
  ]));
  assert.deepEqual(errors, []);
  const [container, pod] = (obj.spec as any).limits;
  assert.deepEqual(container.default, { cpu: '2', memory: '1Gi' });
  assert.deepEqual(container.defaultRequest, { cpu: '2', memory: '1Gi', 'ephemeral-storage': '1Gi' });
  assert.deepEqual(pod, { type: 'Pod', max: { cpu: '4' } }, 'only containers get defaults');
});

test('ValidateLimitRange', () => {
  const cases: Array<{ name: string; limits: unknown[]; want: string[] }> = [
    { name: 'storage bounds for claims', limits: [{ type: 'PersistentVolumeClaim', max: { storage: '10Gi' }, min: { storage: '1Gi' } }], want: [] },
    {
      name: 'types',
      limits: [{ type: 'Node' }, { type: 'Pod', max: { cpu: '1' } }, { type: 'Pod', max: { cpu: '1' } }],
      want: ['spec.limits[0].type: Invalid value: "Node": must be a standard limit type or fully qualified', 'spec.limits[2].type: Duplicate value: "Pod"'],
    },
    {
      name: 'pods take no defaults; claims need a storage bound',
      limits: [{ type: 'Pod', default: { cpu: '1' } }, { type: 'PersistentVolumeClaim', max: { cpu: '1' } }],
      want: [
        "spec.limits[0].default: Forbidden: may not be specified when `type` is 'Pod'",
        'spec.limits[1].limits: Required value: either minimum or maximum storage value is required, but neither was provided',
      ],
    },
    {
      name: 'pod and container resource names',
      limits: [{ type: 'Pod', max: { pods: '1' } }],
      want: ['spec.limits[0].max[pods]: Invalid value: "pods": must be a standard resource for containers'],
    },
    {
      name: 'min above max, defaults outside the bounds, a ratio below one',
      limits: [{ type: 'Container', min: { cpu: '2' }, max: { cpu: '1' }, default: { cpu: '500m' }, defaultRequest: { cpu: '600m' }, maxLimitRequestRatio: { memory: '0.5' } }],
      want: [
        'spec.limits[0].min[cpu]: Invalid value: "2": min value 2 is greater than max value 1',
        'spec.limits[0].defaultRequest[cpu]: Invalid value: "600m": min value 2 is greater than default request value 600m',
        'spec.limits[0].defaultRequest[cpu]: Invalid value: "600m": default request value 600m is greater than default limit value 500m',
        'spec.limits[0].default[cpu]: Invalid value: "2": min value 2 is greater than default value 500m',
        'spec.limits[0].maxLimitRequestRatio[memory]: Invalid value: "0.5": ratio 500m is less than 1',
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(limitRangeStrategy, limitRange(c.limits)).errors, c.want, c.name);
});
