import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Pod, type PodSpec, type PodTemplateSpec } from '../../../../schemas/core/pod.js';
import type { KubeObject } from '../../../../schemas/meta.js';
import { pruneUnknownFields } from '../../../../server/registry/decode.js';
import { podStrategy } from '../../../../server/registry/strategies/pod.js';
import { setPodSpecDefaults, setPodTemplateDefaults } from '../../../../server/registry/strategies/pod-defaults.js';
import { validatePodSpec, validatePodTemplateSpec } from '../../../../server/registry/strategies/pod-validation.js';
import { created, rendered, runCreate } from './strategy-harness.js';

type Json = Record<string, unknown>;

function pod(spec: Json, extra: Json = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec, ...extra };
}

const C = { name: 'c', image: 'nginx:1.25' };

test('ValidatePodCreate', () => {
  const cases: Array<{ name: string; spec: Json; extra?: Json; want: string[] }> = [
    { name: 'valid', spec: { containers: [C] }, want: [] },
    { name: 'at least one container', spec: { containers: [] }, want: ['spec.containers: Required value'] },
    {
      name: 'container name is required and image too',
      spec: { containers: [{}] },
      want: ['spec.containers[0].name: Required value', 'spec.containers[0].image: Required value'],
    },
    {
      name: 'container names are DNS labels',
      spec: { containers: [{ name: 'Web_1', image: 'nginx' }] },
      want: [
        `spec.containers[0].name: Invalid value: "Web_1": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
    {
      name: 'container names are unique across init and regular containers',
      spec: { containers: [C, C], initContainers: [{ name: 'c', image: 'busybox' }] },
      want: ['spec.containers[1].name: Duplicate value: "c"', 'spec.initContainers[0].name: Duplicate value: "c"'],
    },
    {
      name: 'restartPolicy',
      spec: { containers: [C], restartPolicy: 'Sometimes' },
      want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'],
    },
    {
      name: 'dnsPolicy',
      spec: { containers: [C], dnsPolicy: 'Custom' },
      want: ['spec.dnsPolicy: Unsupported value: "Custom": supported values: "ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"'],
    },
    {
      name: 'imagePullPolicy',
      spec: { containers: [{ ...C, imagePullPolicy: 'Sometimes' }] },
      want: ['spec.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"'],
    },
    {
      name: 'ports',
      spec: { containers: [{ ...C, ports: [{ containerPort: 70000, protocol: 'HTTP' }, { name: 'Web', containerPort: 0 }] }] },
      want: [
        'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
        'spec.containers[0].ports[0].protocol: Unsupported value: "HTTP": supported values: "SCTP", "TCP", "UDP"',
        'spec.containers[0].ports[1].name: Invalid value: "Web": must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
        'spec.containers[0].ports[1].containerPort: Required value',
      ],
    },
    {
      name: 'host ports may not clash across containers',
      spec: { containers: [{ ...C, ports: [{ containerPort: 80, hostPort: 80 }] }, { name: 'd', image: 'nginx', ports: [{ containerPort: 81, hostPort: 80 }] }] },
      want: ['spec.containers[1].ports[0].hostPort: Duplicate value: "TCP//80"'],
    },
    {
      name: 'volume names are unique and each has exactly one source',
      spec: {
        volumes: [{ name: 'a', emptyDir: {} }, { name: 'a', emptyDir: {} }, { name: 'b', emptyDir: {}, hostPath: { path: '/x' } }],
        containers: [C],
      },
      want: ['spec.volumes[1].name: Duplicate value: "a"', 'spec.volumes[2].hostPath: Forbidden: may not specify more than 1 volume type'],
    },
    {
      name: 'a mount must name a volume',
      spec: { volumes: [{ name: 'data' }], containers: [{ ...C, volumeMounts: [{ name: 'logs', mountPath: '/logs' }, { name: 'data' }] }] },
      want: ['spec.containers[0].volumeMounts[0].name: Not found: "logs"', 'spec.containers[0].volumeMounts[1].mountPath: Required value'],
    },
    {
      name: 'source fields are checked',
      spec: {
        volumes: [{ name: 'cm', configMap: { defaultMode: 1000 } }, { name: 'h', hostPath: { path: '/a/../b', type: 'Pipe' } }],
        containers: [C],
      },
      want: [
        'spec.volumes[0].configMap.name: Required value',
        'spec.volumes[0].configMap.defaultMode: Invalid value: 1000: must be a number between 0 and 0777 (octal), both inclusive',
        `spec.volumes[1].hostPath.path: Invalid value: "/a/../b": must not contain '..'`,
        'spec.volumes[1].hostPath.type: Unsupported value: "Pipe": supported values: "", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate", "Socket"',
      ],
    },
    {
      name: 'env',
      spec: {
        containers: [{ ...C, env: [{ name: 'A=B' }, { name: 'X', value: 'v', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }, { name: 'Y', valueFrom: {} }] }],
      },
      want: [
        `spec.containers[0].env[0].name: Invalid value: "A=B": a valid environment variable name must consist only of printable ASCII characters other than '='`,
        'spec.containers[0].env[1].valueFrom: Invalid value: "": may not be specified when `value` is not empty',
        'spec.containers[0].env[2].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`',
      ],
    },
    {
      name: 'downward API env fields',
      spec: { containers: [{ ...C, env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'spec.restartPolicy' } } }, { name: 'B', valueFrom: { fieldRef: { fieldPath: 'spec.bogus' } } }] }] },
      want: [
        'spec.containers[0].env[0].valueFrom.fieldRef.fieldPath: Unsupported value: "spec.restartPolicy": supported values: "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName", "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs"',
        'spec.containers[0].env[1].valueFrom.fieldRef.fieldPath: Invalid value: "spec.bogus": error converting fieldPath: field label not supported: spec.bogus',
      ],
    },
    {
      name: 'requests may not exceed limits',
      spec: { containers: [{ ...C, resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } }] },
      want: ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'],
    },
    {
      name: 'tolerations',
      spec: {
        containers: [C],
        tolerations: [
          { operator: 'Equal', value: 'x' },
          { key: 'k', operator: 'Exists', value: 'v' },
          { key: 'k', operator: 'In' },
          { key: 'k', effect: 'NoSchedule', tolerationSeconds: 5 },
          { key: 'k', effect: 'Sometimes' },
        ],
      },
      want: [
        'spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"',
        "spec.tolerations[1].operator: Invalid value: \"v\": value must be empty when `operator` is 'Exists'",
        'spec.tolerations[2].operator: Unsupported value: "In": supported values: "Equal", "Exists"',
        "spec.tolerations[3].effect: Invalid value: \"NoSchedule\": effect must be 'NoExecute' when `tolerationSeconds` is set",
        'spec.tolerations[4].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'nodeSelector keys are label keys',
      spec: { containers: [C], nodeSelector: { 'bad key': 'v' } },
      want: [
        `spec.nodeSelector: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    {
      name: 'required node affinity needs terms and valid operators',
      spec: {
        containers: [C],
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In' }], matchFields: [{ key: 'spec.x', operator: 'In', values: ['n1'] }] }],
            },
            preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 0, preference: {} }],
          },
        },
      },
      want: [
        "spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'",
        'spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchFields[0].key: Invalid value: "spec.x": not a valid field selector key',
        'spec.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100',
      ],
    },
    {
      name: 'liveness probes succeed once and need a handler',
      spec: { containers: [{ ...C, livenessProbe: { successThreshold: 2 } }] },
      want: [
        'spec.containers[0].livenessProbe: Required value: must specify a handler type',
        'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1',
      ],
    },
    {
      name: 'plain init containers take no probes',
      spec: { containers: [C], initContainers: [{ name: 'i', image: 'busybox', readinessProbe: { exec: { command: ['true'] } } }] },
      want: ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers without restartPolicy=Always'],
    },
    {
      name: 'activeDeadlineSeconds is positive',
      spec: { containers: [C], activeDeadlineSeconds: 0 },
      want: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'],
    },
    {
      name: 'nodeName is a DNS subdomain',
      spec: { containers: [C], nodeName: 'Node_1' },
      want: [
        `spec.nodeName: Invalid value: "Node_1": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
    {
      name: 'leading or trailing whitespace in a pod image',
      spec: { containers: [{ name: 'c', image: ' nginx' }] },
      want: ['spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace'],
    },
    {
      name: 'a gated pod cannot be bound yet',
      spec: { containers: [C], nodeName: 'n1', schedulingGates: [{ name: 'gate' }] },
      want: ['spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared'],
    },
    {
      name: 'a token projection needs a service account',
      spec: { volumes: [{ name: 't', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } }], containers: [C] },
      want: ['spec.volumes[0].projected.sources[0].serviceAccountToken: Forbidden: must not be specified when serviceAccountName is not set'],
    },
    {
      name: 'a mirror pod names its node',
      spec: { containers: [C] },
      extra: { metadata: { name: 'p', namespace: 'default', annotations: { 'kubernetes.io/config.mirror': 'x' } } },
      want: ['metadata.annotations[kubernetes.io/config.mirror]: Invalid value: "x": must set spec.nodeName if mirror pod annotation is set'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(runCreate(podStrategy, pod(c.spec, c.extra)).errors, c.want, c.name);
  }
});

test('ValidatePodTemplateSpec', () => {
  const valid = (): PodTemplateSpec => {
    const t: PodTemplateSpec = { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } };
    setPodTemplateDefaults(t);
    return t;
  };
  const cases: Array<{ name: string; template: PodTemplateSpec | undefined; want: string[] }> = [
    { name: 'valid', template: valid(), want: [] },
    { name: 'missing', template: undefined, want: ['spec.template: Required value'] },
    {
      name: 'labels are reported one level up',
      template: { ...valid(), metadata: { labels: { app: 'a b' } } },
      want: [
        `spec.template.labels: Invalid value: "a b": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
    {
      name: 'a template may leave host ports for the pod to default',
      template: { ...valid(), spec: { ...valid().spec, hostNetwork: true, containers: [{ ...valid().spec!.containers![0], ports: [{ containerPort: 80, protocol: 'TCP' }] }] } },
      want: [],
    },
    {
      name: 'no ephemeral containers in templates',
      template: { ...valid(), spec: { ...valid().spec, ephemeralContainers: [{ name: 'e', image: 'busybox' }] } },
      want: ['spec.template.spec.ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template'],
    },
    {
      name: 'undefaulted specs miss required fields',
      template: { spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      want: [
        'spec.template.spec.terminationGracePeriodSeconds: Required value',
        'spec.template.spec.containers[0].terminationMessagePolicy: Required value',
        'spec.template.spec.containers[0].imagePullPolicy: Required value',
        'spec.template.spec.restartPolicy: Required value',
        'spec.template.spec.dnsPolicy: Required value',
      ],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(rendered(validatePodTemplateSpec(c.template, 'spec.template')), c.want, c.name);
  }
  const hostPorts: PodSpec = { hostNetwork: true, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80, hostPort: 81 }] }] };
  setPodSpecDefaults(hostPorts);
  assert.deepEqual(rendered(validatePodSpec(hostPorts, 'spec')), [
    'spec.containers[0].ports[0].hostPort: Invalid value: 81: must match `containerPort` when `hostNetwork` is true',
  ]);
});

test('pod templates get the PodSpec defaults but not the Pod-only ones', () => {
  const template: PodTemplateSpec = {
    metadata: { labels: { app: 'web' } },
    spec: { hostNetwork: true, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '1' } } }] },
  };
  setPodTemplateDefaults(template);
  assert.equal(template.metadata?.creationTimestamp, null);
  assert.equal(template.spec?.enableServiceLinks, undefined);
  assert.equal(template.spec?.restartPolicy, 'Always');
  const ctr = template.spec!.containers![0];
  assert.deepEqual(ctr.ports, [{ containerPort: 80, protocol: 'TCP' }]);
  assert.deepEqual(ctr.resources, { limits: { cpu: '1' } });
});

test('the Pod schema accepts a kubectl manifest and drops unknown fields of fully modelled objects', () => {
  const manifest = created(
    podStrategy,
    pod({
      volumes: [{ name: 'cfg', configMap: { name: 'app' } }, { name: 'nfs', nfs: { server: 'x', path: '/' } }],
      containers: [
        {
          name: 'app',
          image: 'nginx',
          env: [{ name: 'A', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } }],
          volumeMounts: [{ name: 'cfg', mountPath: '/etc/app' }],
          resources: { requests: { cpu: '100m', memory: 64 } },
          readinessProbe: { httpGet: { port: 'http' } },
          ports: [{ name: 'http', containerPort: 8080 }],
          securityContext: { capabilities: { drop: ['ALL'] } },
        },
      ],
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
      affinity: { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: { topologyKey: 'zone' } }] } },
    }),
  );
  manifest.metadata.creationTimestamp = '2024-05-01T10:00:00Z';
  assert.equal(TypeCompiler.Compile(Pod).Check(manifest), true);
  const withUnknown = structuredClone(manifest);
  ((withUnknown.spec as Json).containers as Json[])[0].colour = 'blue';
  (withUnknown.spec as Json).topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: {} }];
  assert.deepEqual(pruneUnknownFields(Pod, withUnknown), ['spec.containers[0].colour']);
});

test('a null where the schema takes none is dropped, as Go decodes it to the zero value; a nullable field keeps it', () => {
  const pod: Json = {
    apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: null, labels: null },
    spec: { containers: [{ name: 'c', image: 'i', ports: null }], nodeSelector: null },
  };
  assert.deepEqual(pruneUnknownFields(Pod, pod), []);
  assert.deepEqual(pod, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', creationTimestamp: null }, spec: { containers: [{ name: 'c', image: 'i' }] } });
});
