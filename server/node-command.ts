import { HEARTBEAT_ANNOTATION } from '../controllers/kubelet/config.js';

export const NODE_USAGE = `Usage: mimikube node <command> <name> [--server URL] [--label k=v …]

Conveniences for the simulated nodes of a running mimikube (plain API calls; kubectl works as well):
  add <name> [--label k=v …]   create a node; the simulated kubelet brings it to Ready
  remove <name>                delete a node; pod GC then collects its pods
  stop <name>                  stop its heartbeats (annotation ${HEARTBEAT_ANNOTATION}=stopped): NotReady after the grace period
  start <name>                 resume its heartbeats
The server defaults to $MIMIKUBE_SERVER, else http://127.0.0.1:8080.
`;

export class NodeCommandError extends Error {
  override name = 'NodeCommandError';
}

interface NodeCommand {
  action: 'add' | 'remove' | 'stop' | 'start';
  name: string;
  server: string;
  labels: Record<string, string>;
}

export function parseNodeCommand(argv: string[], env: NodeJS.ProcessEnv): NodeCommand {
  const [action, name, ...rest] = argv;
  if (!['add', 'remove', 'stop', 'start'].includes(action ?? '') || !name) throw new NodeCommandError(NODE_USAGE);
  let server = env.MIMIKUBE_SERVER ?? 'http://127.0.0.1:8080';
  const labels: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const [flag, value] = [rest[i], rest[i + 1]];
    if (value === undefined) throw new NodeCommandError(`${flag} needs a value\n\n${NODE_USAGE}`);
    if (flag === '--server') server = value.replace(/\/$/, '');
    else if (flag === '--label' && value.includes('=')) labels[value.slice(0, value.indexOf('='))] = value.slice(value.indexOf('=') + 1);
    else throw new NodeCommandError(`unknown option ${flag}\n\n${NODE_USAGE}`);
  }
  return { action: action as NodeCommand['action'], name, server, labels };
}

/** Runs one node command against a server over HTTP; returns what to print, or throws with the server's message. */
export async function runNodeCommand(cmd: NodeCommand): Promise<string> {
  const url = `${cmd.server}/api/v1/nodes`;
  let res: Response;
  if (cmd.action === 'add') {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: cmd.name, labels: cmd.labels } }) });
  } else if (cmd.action === 'remove') {
    res = await fetch(`${url}/${encodeURIComponent(cmd.name)}`, { method: 'DELETE' });
  } else {
    const value = cmd.action === 'stop' ? 'stopped' : null;
    res = await fetch(`${url}/${encodeURIComponent(cmd.name)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/merge-patch+json' },
      body: JSON.stringify({ metadata: { annotations: { [HEARTBEAT_ANNOTATION]: value } } }),
    });
  }
  const body = (await res.json().catch(() => ({}))) as { message?: string };
  if (!res.ok) throw new NodeCommandError(`Error from server: ${body.message ?? res.statusText}`);
  const verb = { add: 'added', remove: 'removed', stop: 'stopped heartbeating', start: 'heartbeating again' }[cmd.action];
  return `node/${cmd.name} ${verb}`;
}
