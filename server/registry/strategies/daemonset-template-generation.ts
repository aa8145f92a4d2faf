import type { KubeObject } from '../../../schemas/meta.js';
import { child, invalid, keyed, type FieldError } from '../field-errors.js';
import { goQuote } from '../selectors/go-text.js';
import { parseInt64 } from '../selectors/label-requirement.js';

/**
 * Upstream's internal DaemonSet still has `spec.templateGeneration`; apps/v1 carries it in this annotation. Decoding
 * reads the annotation into the field (a value that is not an int64 fails the request), the strategy sets the field,
 * and encoding always writes it back. On the v1 object we store, that amounts to owning the annotation.
 */
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

const ANNOTATION_PATH = keyed(child('metadata', 'annotations'), TEMPLATE_GENERATION_ANNOTATION);

type Parsed = { ok: true; value: bigint } | { ok: false; text: string };

/** Absent reads as Go's zero value. */
function read(obj: KubeObject): Parsed {
  const text = obj.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (text === undefined) return { ok: true, value: 0n };
  const value = parseInt64(text);
  return value === undefined ? { ok: false, text } : { ok: true, value: BigInt(value) };
}

function write(obj: KubeObject, value: bigint): void {
  obj.metadata.annotations = { ...obj.metadata.annotations, [TEMPLATE_GENERATION_ANNOTATION]: value.toString() };
}

/**
 * A new DaemonSet keeps a generation the client chose, but starts at 1 at the least. An unparsable value is left for
 * validation to reject, as upstream's decoder would.
 */
export function initTemplateGeneration(ds: KubeObject): void {
  const given = read(ds);
  if (given.ok) write(ds, given.value < 1n ? 1n : given.value);
}

/** Clients cannot set the generation on update: it is the old one, plus one when the pod template changed. */
export function advanceTemplateGeneration(ds: KubeObject, old: KubeObject, templateChanged: boolean): void {
  if (!read(ds).ok) return;
  const previous = read(old);
  const base = previous.ok ? previous.value : 0n;
  write(ds, templateChanged ? base + 1n : base);
}

/** Upstream fails decoding here (400); we report the same fault as a field error. */
export function validateTemplateGeneration(ds: KubeObject): FieldError[] {
  const parsed = read(ds);
  if (parsed.ok) return [];
  const reason = /^[+-]?[0-9]+$/.test(parsed.text) ? 'value out of range' : 'invalid syntax';
  return [invalid(ANNOTATION_PATH, parsed.text, `strconv.ParseInt: parsing ${goQuote(parsed.text)}: ${reason}`)];
}
