import type { FastifyInstance } from 'fastify';

export interface VersionInfo {
  major: string;
  minor: string;
  gitVersion: string;
  gitCommit: string;
  gitTreeState: string;
  buildDate: string;
  goVersion: string;
  compiler: string;
  platform: string;
}

/** The Kubernetes release mimikube answers as; kubectl's dispatcher picks its own version from `minor`. */
export function versionInfo(kubeVersion: string): VersionInfo {
  const [major, minor] = kubeVersion.replace(/^v/, '').split('.');
  return {
    major,
    minor,
    gitVersion: kubeVersion,
    gitCommit: '0000000000000000000000000000000000000000',
    gitTreeState: 'clean',
    buildDate: '2025-01-01T00:00:00Z',
    goVersion: 'go1.23.6',
    compiler: 'gc',
    platform: `${process.platform}/${process.arch === 'x64' ? 'amd64' : process.arch}`,
  };
}

export interface HealthCheck {
  name: string;
  check(): boolean;
}

/** /version, and /healthz, /livez, /readyz in upstream's plain-text form (`?verbose` lists each check). */
export function installHealthRoutes(app: FastifyInstance, kubeVersion: string, checks: HealthCheck[]): void {
  const info = versionInfo(kubeVersion);
  app.get('/version', async (_request, reply) => reply.type('application/json').send(JSON.stringify(info)));
  for (const endpoint of ['healthz', 'livez', 'readyz']) {
    app.get(`/${endpoint}`, async (request, reply) => {
      const results = checks.map((c) => ({ name: c.name, ok: c.check() }));
      const healthy = results.every((r) => r.ok);
      const verbose = Object.hasOwn(request.query as object, 'verbose');
      reply.type('text/plain; charset=utf-8').code(healthy ? 200 : 500);
      if (!verbose) return reply.send(healthy ? 'ok' : `${endpoint} check failed`);
      const lines = results.map((r) => (r.ok ? `[+]${r.name} ok` : `[-]${r.name} failed: reason withheld`));
      return reply.send(`${lines.join('\n')}\n${endpoint} check ${healthy ? 'passed' : 'failed'}\n`);
    });
  }
}
