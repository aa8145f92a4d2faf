/**
 * The JSON text of objects the store has just written, keyed by the object itself: the response to the writer and
 * every watch event about the change reuse the text the store serialised once. Objects must not be changed after
 * they are remembered (the store hands out fresh objects for every write).
 */
const texts = new WeakMap<object, string>();

export function rememberJson(obj: object, text: string): void {
  texts.set(obj, text);
}

export function toJson(obj: unknown): string {
  if (typeof obj === 'object' && obj !== null) {
    let text = texts.get(obj);
    if (text === undefined) {
      text = JSON.stringify(obj);
      texts.set(obj, text);
    }
    return text;
  }
  return JSON.stringify(obj);
}
