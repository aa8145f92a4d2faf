/** The objects the scenarios send, sized like the ones real clusters carry. */

/** A ~2.5 KiB pod: labels, annotations, an app container and a sidecar with env, ports, resources and mounts. */
export function realisticPod(name: string, namespace: string, index: number): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: {
        app: `svc-${index % 10}`,
        tier: index % 2 === 0 ? 'frontend' : 'backend',
        'app.kubernetes.io/name': 'checkout',
        'app.kubernetes.io/instance': `checkout-${index % 50}`,
        'app.kubernetes.io/version': '2.14.1',
        'pod-template-hash': '7d9c6b5f4d',
      },
      annotations: {
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': '9090',
        'kubectl.kubernetes.io/default-container': 'app',
        'checkout.example.com/owner': 'payments-team@example.com',
        'checkout.example.com/config-hash': 'sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        'checkout.example.com/build': 'git-3f2a9c1e release-2024-11 pipeline 48213',
      },
    },
    spec: {
      serviceAccountName: 'checkout',
      terminationGracePeriodSeconds: 30,
      securityContext: { runAsNonRoot: true, runAsUser: 10001, fsGroup: 10001 },
      containers: [
        {
          name: 'app',
          image: 'registry.example.com/payments/checkout:2.14.1',
          args: ['--config=/etc/checkout/config.yaml', '--listen=:8080', '--metrics=:9090'],
          env: [
            { name: 'LOG_LEVEL', value: 'info' },
            { name: 'DB_HOST', value: 'postgres.payments.svc.cluster.local' },
            { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
            { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
            { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'checkout-db', key: 'password' } } },
          ],
          ports: [
            { name: 'http', containerPort: 8080, protocol: 'TCP' },
            { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
          ],
          resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
          volumeMounts: [
            { name: 'config', mountPath: '/etc/checkout', readOnly: true },
            { name: 'cache', mountPath: '/var/cache/checkout' },
          ],
          readinessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 5 },
          livenessProbe: { httpGet: { path: '/livez', port: 8080 }, initialDelaySeconds: 10, periodSeconds: 10, failureThreshold: 3 },
        },
        {
          name: 'log-shipper',
          image: 'registry.example.com/infra/fluent-bit:3.1.4',
          env: [{ name: 'FLUENT_OUTPUT', value: 'loki.monitoring.svc.cluster.local:3100' }],
          resources: { requests: { cpu: '50m', memory: '64Mi' }, limits: { memory: '128Mi' } },
          volumeMounts: [{ name: 'cache', mountPath: '/var/cache/checkout', readOnly: true }],
        },
      ],
      volumes: [
        { name: 'config', configMap: { name: 'checkout-config' } },
        { name: 'cache', emptyDir: { sizeLimit: '1Gi' } },
      ],
      tolerations: [
        { key: 'dedicated', operator: 'Equal', value: 'payments', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
      ],
    },
  };
}

/** The ~1 KiB document the reference server stores: the same kind of JSON, without an API server's schema. */
export function referenceObject(name: string): Record<string, unknown> {
  return {
    name,
    labels: { app: 'checkout', tier: 'frontend', version: '2.14.1', team: 'payments' },
    annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '9090' },
    image: 'registry.example.com/payments/checkout:2.14.1',
    args: ['--config=/etc/checkout/config.yaml', '--listen=:8080', '--metrics=:9090'],
    env: [
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_HOST', value: 'postgres.payments.svc.cluster.local' },
      { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
    ],
    ports: [
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ],
    resources: { requests: { cpu: '250m', memory: '256Mi' }, limits: { cpu: '1', memory: '512Mi' } },
    volumeMounts: [{ name: 'config', mountPath: '/etc/checkout', readOnly: true }],
    tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'payments', effect: 'NoSchedule' }],
    owner: 'payments-team@example.com',
    build: 'git-3f2a9c1e release-2024-11 pipeline 48213',
  };
}

/** A node for the simulated kubelet to run: the kubelet fills in status, capacity and addresses. */
export function node(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'topology.kubernetes.io/zone': 'bench' } } };
}

export function namespace(name: string): Record<string, unknown> {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A DaemonSet with no nodeSelector: one pod on every node. */
export function daemonSet(name: string, namespace: string): Record<string, unknown> {
  const labels = { 'k8s-app': name };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace, labels },
    spec: {
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          containers: [{ name, image: 'registry.k8s.io/kube-proxy:v1.32.4', resources: { requests: { cpu: '10m', memory: '20Mi' } } }],
          tolerations: [{ operator: 'Exists' }],
        },
      },
    },
  };
}

export function replicationController(name: string, namespace: string, replicas: number): Record<string, unknown> {
  const labels = { app: name };
  return {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name, namespace },
    spec: {
      replicas,
      selector: labels,
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'web', image: 'nginx:1.27', resources: { requests: { cpu: '10m', memory: '16Mi' } } }] },
      },
    },
  };
}
