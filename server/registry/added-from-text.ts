import type { KubeObject } from '../../schemas/meta.js';
import type { ChangeEvent } from '../storage/watch-hub.js';
import { rememberJson } from './serialized.js';

/**
 * The ADDED event of a create stored from a validation worker's text: the object is decoded from that text when a
 * subscriber first reads it, so a create nobody watches is never decoded on the request thread.
 */
export class AddedFromText implements ChangeEvent {
  readonly type = 'ADDED';
  private decoded: KubeObject | undefined;

  constructor(
    readonly rv: number,
    readonly resource: string,
    readonly namespace: string,
    readonly name: string,
    private readonly text: string,
  ) {}

  get object(): KubeObject {
    if (!this.decoded) {
      this.decoded = JSON.parse(this.text) as KubeObject;
      rememberJson(this.decoded, this.text);
    }
    return this.decoded;
  }
}
