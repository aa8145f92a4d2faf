import type Database from 'better-sqlite3';
import type { KubeObject } from '../../schemas/meta.js';
import type { Clock } from '../clock.js';
import { ApiError, alreadyExists, conflict, entityTooLarge, notFound, OBJECT_MODIFIED } from '../errors.js';
import { ObjectLog, type StoredRow } from '../storage/log.js';
import { AddedFromText } from './added-from-text.js';
import { rememberJson, toJson } from './serialized.js';
import { Transactions } from './transactions.js';
import type { ChangeEvent, WatchHub } from '../storage/watch-hub.js';
import { planDeletion, type DeleteResult } from './deletion.js';
import { canonical, objectFromBody } from './input.js';
import { listObjects, type ListResult } from './list.js';
import type { DeleteOptions, ListOptions, UpdateOptions, WriteOptions } from './options.js';
import { applyPatch, type PatchType } from './patch/apply.js';
import type { ResourceDef } from './resource.js';
import { generateName } from './object-names.js';
import { prepareCreate, validateCreate } from './create-rules.js';
import { NamespaceGate } from './namespace-gate.js';
import { withResourceVersion, type PreparedCreate } from './prepared-create.js';
import { prepareStatusUpdate, prepareUpdate } from './update-rules.js';

/** Upstream's etcd refuses values over 1.5 MiB; the apiserver answers the client with an error, so do we. */
const MAX_OBJECT_BYTES = 1.5 * 1024 * 1024;
const GENERATE_NAME_ATTEMPTS = 8;

export interface UpdateResult {
  object: KubeObject;
  created: boolean;
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The one generic store every resource goes through: strategy hooks in a fixed order, one IMMEDIATE transaction
 * per write (no await inside), the event log's rowid as the resourceVersion, and watch events published after
 * commit in resourceVersion order.
 */
export class Store {
  readonly log: ObjectLog;
  private readonly namespaces: NamespaceGate;
  private rv: number;
  private pending: ChangeEvent[] = [];
  private depth = 0;
  /** The resourceVersion of the last durable write: where a batch that fails to commit rolls back to. */
  private committedRv: number;
  private readonly transactions: Transactions;

  constructor(
    private readonly db: Database.Database,
    private readonly hub: WatchHub,
    private readonly clock: Clock,
    options: { groupCommit?: boolean; writesComing?: () => boolean } = {},
  ) {
    this.log = new ObjectLog(db);
    this.namespaces = new NamespaceGate(this.log);
    this.rv = this.log.lastRv();
    this.committedRv = this.rv;
    this.transactions = new Transactions(db, options.groupCommit ?? false, {
      committed: () => {
        this.committedRv = this.rv;
        const events = this.pending;
        this.pending = [];
        for (const event of events) this.hub.publish(event);
      },
      lost: () => {
        this.rv = this.committedRv;
        this.pending = [];
        this.namespaces.forget();
      },
    }, options.writesComing);
  }

  /** The newest resourceVersion committed. */
  currentRv(): number {
    return this.rv;
  }

  /**
   * Runs `fn` atomically; its change events are published only once it has committed (at once, or with group
   * commit at the end of the event-loop turn — see Transactions).
   */
  write<T>(fn: () => T): T {
    // A write inside a write (guaranteedUpdate → updateFrom) joins the outer one.
    if (this.depth > 0) return fn();
    const startRv = this.rv;
    const startPending = this.pending.length;
    this.depth++;
    try {
      return this.transactions.run(fn);
    } catch (err) {
      this.rv = startRv;
      this.pending.length = startPending;
      throw err;
    } finally {
      this.depth--;
    }
  }

  /** Resolves once every write made so far is durable: what must precede acknowledging it to a client. */
  settled(): Promise<void> {
    return this.transactions.settled();
  }

  /** True while writes made so far wait for their batch's commit. */
  commitPending(): boolean {
    return this.transactions.pending;
  }

  /** Commits any open batch now (shutdown). */
  flush(): void {
    this.transactions.flush();
  }

  get(def: ResourceDef, namespace: string, name: string): KubeObject {
    this.transactions.beginRead();
    const row = this.log.get(def.key, namespace, name);
    if (!row) throw notFound(def, name);
    return JSON.parse(row.body) as KubeObject;
  }

  /** The stored JSON of an object (UTF-8 bytes), for answers that need not look inside it. */
  getRaw(def: ResourceDef, namespace: string, name: string): Buffer {
    this.transactions.beginRead();
    const body = this.log.getBody(def.key, namespace, name);
    if (body === undefined) throw notFound(def, name);
    return body;
  }

  tryGet(def: ResourceDef, namespace: string, name: string): KubeObject | undefined {
    this.transactions.beginRead();
    const row = this.log.get(def.key, namespace, name);
    return row ? (JSON.parse(row.body) as KubeObject) : undefined;
  }

  list(def: ResourceDef, namespace: string | undefined, options: ListOptions): ListResult {
    this.transactions.beginRead();
    return listObjects(this.log, def, namespace, options, this.rv);
  }

  create(def: ResourceDef, namespace: string, body: unknown, options: WriteOptions = {}): KubeObject {
    const obj = objectFromBody(def, body, { namespace }, options.fieldValidation ?? 'Warn', options.warnings ?? []);
    return this.createObject(def, obj, options);
  }

  /** Create for a decoded object (used by create-on-update and apply); the object is consumed. */
  createObject(def: ResourceDef, obj: KubeObject, options: WriteOptions): KubeObject {
    const generated = prepareCreate(def, obj, this.clock.now());
    validateCreate(def, obj);
    return this.insertNew(def, canonical(obj), generated, options);
  }

  /** Stores a prepared, valid object under a new resourceVersion; a dry run only checks that its name is free. */
  private insertNew(def: ResourceDef, out: KubeObject, generated: boolean, options: WriteOptions): KubeObject {
    const ns = out.metadata.namespace ?? '';
    return this.write(() => {
      if (def.namespaced) this.namespaces.assertOpen(def, ns, out.metadata.name!);
      if (!options.dryRun) return this.insertObject(def, out, this.nextRv(), generated, 0);
      for (let attempt = 0; this.log.get(def.key, ns, out.metadata.name!); attempt++) {
        this.drawAnotherName(def, out, generated, attempt);
      }
      return out;
    });
  }

  /**
   * A create a validation worker prepared (see PreparedCreate): its text is stored and answered as it is, and an
   * object is decoded from it only if a watcher or an informer looks inside. Returns the stored JSON.
   */
  createPrepared(def: ResourceDef, namespace: string, prepared: PreparedCreate, options: WriteOptions): string {
    if (options.dryRun) return toJson(this.insertNew(def, JSON.parse(prepared.text) as KubeObject, prepared.generatedName, options));
    return this.write(() => {
      if (def.namespaced) this.namespaces.assertOpen(def, namespace, prepared.name);
      const rv = this.nextRv();
      const text = this.checkSize(def, prepared.name, withResourceVersion(prepared, rv));
      if (this.log.insert(def.key, namespace, prepared.name, prepared.uid, rv, text)) {
        this.pending.push(new AddedFromText(rv, def.key, namespace, prepared.name, text));
        return text;
      }
      const out = JSON.parse(prepared.text) as KubeObject;
      this.drawAnotherName(def, out, prepared.generatedName, 0);
      return toJson(this.insertObject(def, out, rv, prepared.generatedName, 1));
    });
  }

  /** Inserts a new object under `rv`; a generated name that is taken is drawn again, up to GENERATE_NAME_ATTEMPTS. */
  private insertObject(def: ResourceDef, out: KubeObject, rv: number, generated: boolean, firstAttempt: number): KubeObject {
    const meta = out.metadata;
    const ns = meta.namespace ?? '';
    meta.resourceVersion = String(rv);
    for (let attempt = firstAttempt; !this.log.insert(def.key, ns, meta.name!, meta.uid!, rv, this.serialize(def, out)); attempt++) {
      this.drawAnotherName(def, out, generated, attempt);
    }
    this.pending.push({ type: 'ADDED', rv, resource: def.key, namespace: ns, name: meta.name!, object: out });
    return out;
  }

  /** After a name collision: another generated name, or AlreadyExists for a name the client chose (or bad luck). */
  private drawAnotherName(def: ResourceDef, out: KubeObject, generated: boolean, attempt: number): void {
    const meta = out.metadata;
    if (!generated || attempt >= GENERATE_NAME_ATTEMPTS) throw alreadyExists(def, meta.name!);
    meta.name = generateName(meta.generateName!);
  }

  update(
    def: ResourceDef,
    namespace: string,
    name: string,
    body: unknown,
    options: UpdateOptions = {},
  ): UpdateResult {
    const target = { namespace, name };
    const obj = objectFromBody(def, body, target, options.fieldValidation ?? 'Warn', options.warnings ?? []);
    const row = this.log.get(def.key, namespace, name);
    if (!row) {
      if (!def.allowCreateOnUpdate || options.subresource) throw notFound(def, name);
      return { object: this.createObject(def, obj, options), created: true };
    }
    return { object: this.updateFrom(def, row, obj, options), created: false };
  }

  patch(
    def: ResourceDef,
    namespace: string,
    name: string,
    patchType: PatchType,
    patchBody: unknown,
    options: UpdateOptions = {},
  ): UpdateResult {
    const row = this.log.get(def.key, namespace, name);
    const target = { namespace, name };
    const validation = options.fieldValidation ?? 'Warn';
    if (!row) {
      // Server-side apply creates what does not exist yet; the other patch types need an object to patch.
      if (patchType !== 'apply' || options.subresource) throw notFound(def, name);
      const obj = objectFromBody(def, applyPatch(def.schema, patchType, {}, patchBody), target, validation, options.warnings ?? []);
      return { object: this.createObject(def, obj, options), created: true };
    }
    const patched = applyPatch(def.schema, patchType, JSON.parse(row.body) as KubeObject, patchBody);
    const obj = objectFromBody(def, patched, target, validation, options.warnings ?? []);
    return { object: this.updateFrom(def, row, obj, options), created: false };
  }

  /**
   * Controllers' read-modify-write: `mutate` gets a copy of the current object and returns the object to store
   * (or undefined to skip); the whole cycle is one transaction, so it can never lose a concurrent update.
   */
  guaranteedUpdate(
    def: ResourceDef,
    namespace: string,
    name: string,
    mutate: (current: KubeObject) => KubeObject | undefined,
    options: UpdateOptions = {},
  ): KubeObject | undefined {
    return this.write(() => {
      const row = this.log.get(def.key, namespace, name);
      if (!row) throw notFound(def, name);
      const next = mutate(JSON.parse(row.body) as KubeObject);
      if (!next) return undefined;
      next.metadata.resourceVersion = String(row.rv);
      return this.updateFrom(def, row, next, options);
    });
  }

  /**
   * A write whose rules belong to a subresource (pods/binding): `mutate` checks and changes a copy of the stored
   * object, which is stored without the kind's update validation, as upstream's subresource storage does.
   */
  updateBypassingStrategy(
    def: ResourceDef,
    namespace: string,
    name: string,
    mutate: (current: KubeObject) => KubeObject,
    options: WriteOptions = {},
  ): KubeObject {
    return this.write(() => {
      const row = this.log.get(def.key, namespace, name);
      if (!row) throw notFound(def, name);
      const old = JSON.parse(row.body) as KubeObject;
      const out = canonical(mutate(clone(old)));
      if (options.dryRun) return out;
      if (this.deletionFinished(def, out)) return this.removeRow(def, row, out);
      const rv = this.nextRv();
      out.metadata.resourceVersion = String(rv);
      this.log.update(def.key, row, rv, this.serialize(def, out));
      this.pending.push({ type: 'MODIFIED', rv, resource: def.key, namespace, name, object: out, previous: old });
      return out;
    });
  }

  private updateFrom(
    def: ResourceDef,
    row: StoredRow,
    obj: KubeObject,
    options: UpdateOptions,
  ): KubeObject {
    const old = JSON.parse(row.body) as KubeObject;
    const wanted = obj.metadata.resourceVersion;
    if (wanted && wanted !== String(row.rv)) throw conflict(def, row.name, OBJECT_MODIFIED);
    // An unconditional update is validated as if the client had sent the stored resourceVersion, as upstream does.
    obj.metadata.resourceVersion = String(row.rv);
    def.strategy.applyDefaults?.(obj);
    const next = options.subresource === 'status' ? prepareStatusUpdate(def, obj, old) : prepareUpdate(def, obj, old);
    const out = canonical(next);
    out.metadata.resourceVersion = String(row.rv);
    if (JSON.stringify(out) === row.body) return old;
    if (options.dryRun) return out;
    const finished = this.deletionFinished(def, out);
    return this.write(() => {
      const current = this.log.get(def.key, row.namespace, row.name);
      if (!current || current.rv !== row.rv) throw conflict(def, row.name, OBJECT_MODIFIED);
      if (finished) return this.removeRow(def, current, out);
      const rv = this.nextRv();
      out.metadata.resourceVersion = String(rv);
      this.log.update(def.key, current, rv, this.serialize(def, out));
      this.pending.push({ type: 'MODIFIED', rv, resource: def.key, namespace: row.namespace, name: row.name, object: out, previous: old });
      return out;
    });
  }

  delete(def: ResourceDef, namespace: string, name: string, options: DeleteOptions = {}): DeleteResult {
    return this.write(() => {
      const row = this.log.get(def.key, namespace, name);
      if (!row) throw notFound(def, name);
      const current = JSON.parse(row.body) as KubeObject;
      def.strategy.admitDeletion?.(current, def);
      const plan = planDeletion(def, current, options, this.clock.now());
      if (plan.action === 'unchanged') return { object: current, removed: false };
      if (options.dryRun) return { object: plan.object, removed: plan.action === 'remove' };
      if (plan.action === 'remove') return { object: this.removeRow(def, row, plan.object), removed: true };
      const rv = this.nextRv();
      plan.object.metadata.resourceVersion = String(rv);
      this.log.update(def.key, row, rv, this.serialize(def, plan.object));
      this.pending.push({ type: 'MODIFIED', rv, resource: def.key, namespace, name, object: plan.object, previous: current });
      return { object: plan.object, removed: false };
    });
  }

  deleteCollection(def: ResourceDef, namespace: string | undefined, list: ListOptions, options: DeleteOptions = {}): KubeObject[] {
    const { items } = this.list(def, namespace, { ...list, limit: undefined, continue: undefined });
    const out: KubeObject[] = [];
    for (const item of items) {
      try {
        out.push(this.delete(def, item.metadata.namespace ?? '', item.metadata.name!, options).object);
      } catch (err) {
        // Someone else deleted it between the list and now: that is what this call wanted anyway.
        if (!(err instanceof ApiError && err.code === 404)) throw err;
      }
    }
    return out;
  }

  private removeRow(def: ResourceDef, row: StoredRow, last: KubeObject): KubeObject {
    const rv = this.nextRv();
    const object = canonical({ ...last, metadata: { ...last.metadata, resourceVersion: String(rv) } });
    const text = JSON.stringify(object);
    rememberJson(object, text);
    this.log.remove(def.key, row, rv, text);
    this.pending.push({ type: 'DELETED', rv, resource: def.key, namespace: row.namespace, name: row.name, object, previous: JSON.parse(row.body) as KubeObject });
    return object;
  }

  /** A marked object whose last finalizer (and grace period) is gone is removed by the write that finishes it. */
  private deletionFinished(def: ResourceDef, obj: KubeObject): boolean {
    return !!obj.metadata.deletionTimestamp && (obj.metadata.finalizers ?? []).length === 0 &&
      (!def.gracefulDeletion || obj.metadata.deletionGracePeriodSeconds === 0) && !def.strategy.beginDeletion?.(obj);
  }

  private serialize(def: ResourceDef, obj: KubeObject): string {
    const text = JSON.stringify(obj);
    rememberJson(obj, text);
    return this.checkSize(def, obj.metadata.name, text);
  }

  private checkSize(def: ResourceDef, name: string | undefined, text: string): string {
    if (text.length > MAX_OBJECT_BYTES) {
      throw entityTooLarge(`${def.kind} "${name}" is too large: ${text.length} bytes, the limit is ${MAX_OBJECT_BYTES}`);
    }
    return text;
  }

  private nextRv(): number {
    this.rv += 1;
    return this.rv;
  }
}
