#!/usr/bin/env node
import { parseCli, USAGE, UsageError } from './cli.js';
import { startServer } from './index.js';
import { kubeconfigCommand, KubeconfigCommandError } from './kubeconfig-command.js';
import { NodeCommandError, parseNodeCommand, runNodeCommand } from './node-command.js';

/** The command-line entry: parse flags, serve, and shut down cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  if (process.argv[2] === 'node') {
    try {
      process.stdout.write(`${await runNodeCommand(parseNodeCommand(process.argv.slice(3), process.env))}\n`);
    } catch (err) {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof NodeCommandError ? 1 : 2);
    }
    return;
  }
  if (process.argv[2] === 'kubeconfig') {
    try {
      process.stdout.write(kubeconfigCommand(process.argv.slice(3), process.env));
    } catch (err) {
      process.stderr.write(`mimikube kubeconfig: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(err instanceof KubeconfigCommandError ? 1 : 2);
    }
    return;
  }
  let parsed;
  try {
    parsed = parseCli(process.argv.slice(2), process.env);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`mimikube: ${err.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw err;
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    return;
  }
  const server = await startServer(parsed.options);
  process.stderr.write(`mimikube: serving the Kubernetes API on ${server.url} (db: ${parsed.options.db})\n`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`mimikube: ${signal}, shutting down\n`);
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`mimikube: error during shutdown: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  process.stderr.write(`mimikube: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
