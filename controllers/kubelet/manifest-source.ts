import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join } from 'node:path';
import type { ControllerClock } from '../runtime/clock.js';
import { parseManifest, staticPodNamespace, type StaticManifest } from './static-pods.js';

/**
 * Every manifest of a directory, read as upstream's file source reads it: hidden files skipped, no recursion,
 * files in name order, one Pod per file; a file that does not parse is logged and skipped, and of two pods with
 * the same namespace/name the first file wins. A missing directory is simply empty.
 */
export function readManifests(dir: string, log: (message: string) => void): StaticManifest[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.')).sort();
  } catch {
    return [];
  }
  const manifests: StaticManifest[] = [];
  const seen = new Set<string>();
  for (const name of names) {
    const file = join(dir, name);
    let text: string;
    try {
      if (!statSync(file).isFile()) continue;
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const parsed = parseManifest(file, text);
    if ('error' in parsed) {
      log(`kubelet: can't process manifest file ${parsed.error}`);
      continue;
    }
    const key = `${staticPodNamespace(parsed)}/${parsed.pod.metadata.name}`;
    if (seen.has(key)) {
      log(`kubelet: pod ${key} from ${file} duplicates an earlier manifest, ignoring it`);
      continue;
    }
    seen.add(key);
    manifests.push(parsed);
  }
  return manifests;
}

/**
 * The manifest directory kept current: a filesystem watch for prompt updates plus a periodic rescan on the
 * controller clock (fileCheckFrequency), which also catches a directory created after start.
 */
export class ManifestSource {
  private manifests: StaticManifest[] = [];
  private signature = '';
  private watcher: FSWatcher | undefined;
  private cancelTimer: (() => void) | undefined;
  private scanned = false;
  private running = false;

  constructor(
    private readonly dir: string,
    private readonly clock: ControllerClock,
    private readonly rescanMs: number,
    private readonly log: (message: string) => void,
    private readonly onChange: () => void,
  ) {}

  /** False until the first scan: until then no mirror pod may be judged an orphan. */
  get ready(): boolean {
    return this.scanned;
  }

  list(): readonly StaticManifest[] {
    return this.manifests;
  }

  start(): void {
    this.running = true;
    this.rescan();
    this.arm();
  }

  stop(): void {
    this.running = false;
    this.cancelTimer?.();
    this.cancelTimer = undefined;
    this.watcher?.close();
    this.watcher = undefined;
  }

  /** Reads the directory again; `onChange` runs when any manifest appeared, changed or went away. */
  rescan(): void {
    this.watch();
    const manifests = readManifests(this.dir, this.log);
    const signature = createHash('sha256').update(JSON.stringify(manifests)).digest('hex');
    const first = !this.scanned;
    this.scanned = true;
    if (!first && signature === this.signature) return;
    this.manifests = manifests;
    this.signature = signature;
    this.onChange();
  }

  private arm(): void {
    this.cancelTimer = this.clock.setTimer(this.rescanMs, () => {
      if (!this.running) return;
      this.rescan();
      this.arm();
    });
  }

  private watch(): void {
    if (this.watcher || !this.running) return;
    try {
      this.watcher = watch(this.dir, { persistent: false }, () => {
        if (this.running) this.rescan();
      });
      this.watcher.on('error', () => {
        this.watcher?.close();
        this.watcher = undefined;
      });
    } catch {
      // The directory does not exist (yet): the periodic rescan tries again.
    }
  }
}
