import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { KubeObject } from '../../../../schemas/meta.js';
import { resourceQuotaStrategy } from '../../../../server/registry/strategies/resourcequota.js';
import { created, runCreate, runStatusUpdate } from './strategy-harness.js';

function quota(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'ResourceQuota', metadata: { name: 'q', namespace: 'default' }, spec };
}

test('PrepareForCreate: status belongs to the quota controller', () => {
  assert.deepEqual(runCreate(resourceQuotaStrategy, { ...quota({ hard: { pods: '10' } }), status: { used: { pods: '3' } } }).obj.status, {});
});

test('ValidateResourceQuotaSpec', () => {
  const cases: Array<{ name: string; spec: Record<string, unknown>; want: string[] }> = [
    { name: 'standard resources', spec: { hard: { pods: '10', 'requests.cpu': '2', 'limits.memory': '4Gi', 'count/deployments.apps': '5', 'requests.hugepages-2Mi': '1Gi' } }, want: [] },
    {
      name: 'names',
      spec: { hard: { storage: '1Gi', gpus: '1' } },
      want: [
        'spec.hard[storage]: Invalid value: "storage": must be a standard resource for quota',
        'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource type or fully qualified',
        'spec.hard[gpus]: Invalid value: "gpus": must be a standard resource for quota',
      ],
    },
    {
      name: 'quantities',
      spec: { hard: { pods: '1500m', cpu: '-1', memory: 'lots' } },
      want: [
        'spec.hard[pods]: Invalid value: "1500m": must be an integer',
        'spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0',
        "spec.hard[memory]: Invalid value: \"lots\": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
    },
    {
      name: 'scopes',
      spec: { hard: { pods: '1', secrets: '1' }, scopes: ['BestEffort', 'NotBestEffort', 'Daily'] },
      want: [
        'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: unsupported scope applied to resource',
        'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: unsupported scope applied to resource',
        'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: unsupported scope',
        'spec.scopes: Invalid value: ["BestEffort","NotBestEffort","Daily"]: conflicting scopes',
      ],
    },
    {
      name: 'a scope selector',
      spec: { hard: { pods: '1' }, scopeSelector: { matchExpressions: [{ scopeName: 'PriorityClass', operator: 'In' }, { scopeName: 'Terminating', operator: 'In', values: ['x'] }] } },
      want: [
        "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
        "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
      ],
    },
  ];
  for (const c of cases) assert.deepEqual(runCreate(resourceQuotaStrategy, quota(c.spec)).errors, c.want, c.name);
});

test('status writes are validated like the spec', () => {
  const old = created(resourceQuotaStrategy, quota({ hard: { pods: '10' } }));
  assert.deepEqual(runStatusUpdate(resourceQuotaStrategy, old, { hard: { pods: '10' }, used: { pods: '2' } }).errors, []);
  assert.deepEqual(runStatusUpdate(resourceQuotaStrategy, old, { used: { pods: '-2' } }).errors, [
    'status.used[pods]: Invalid value: "-2": must be greater than or equal to 0',
  ]);
});
