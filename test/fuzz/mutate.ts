import type { Prng } from './prng.js';
import { fuzzName, nastyString, wrongValue } from './values.js';

type Json = unknown;

/** Every path to a node of the tree (objects' keys and arrays' indexes), the root excluded. */
function paths(value: Json, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => { out.push([...prefix, i]); paths(v, [...prefix, i], out); });
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.push([...prefix, k]);
      paths(v, [...prefix, k], out);
    }
  }
  return out;
}

function parentOf(root: any, path: Array<string | number>): any {
  return path.slice(0, -1).reduce((node, key) => node[key], root);
}

/**
 * Structure-aware mutations of a valid object: one to three edits at random nodes — a wrong type, a removed field,
 * an unknown field, a nasty string, a deep or huge value, or an invalid metadata name — so most of the object stays
 * valid and the request gets past the parser into decoding and validation.
 */
export function mutateTree<T>(rng: Prng, obj: T): T {
  const root = structuredClone(obj) as any;
  const edits = rng.int(1, 3);
  for (let i = 0; i < edits; i++) {
    const all = paths(root);
    if (all.length === 0) break;
    const path = rng.pick(all);
    const parent = parentOf(root, path);
    const key = path[path.length - 1];
    switch (rng.int(0, 6)) {
      case 0: parent[key] = wrongValue(rng); break;
      case 1:
        if (Array.isArray(parent)) parent.splice(Number(key), 1);
        else delete parent[key];
        break;
      case 2:
        if (parent !== null && typeof parent === 'object' && !Array.isArray(parent)) parent[nastyString(rng) || 'unknownField'] = wrongValue(rng);
        break;
      case 3: parent[key] = nastyString(rng); break;
      case 4: {
        let deep: any = 'bottom';
        for (let d = 0; d < rng.pick([50, 500, 5000]); d++) deep = rng.chance(0.5) ? [deep] : { d: deep };
        parent[key] = deep;
        break;
      }
      case 5: parent[key] = Array.from({ length: rng.pick([1000, 20_000]) }, (_, n) => ({ name: `n${n}` })); break;
      default: if (root.metadata && typeof root.metadata === 'object') root.metadata.name = fuzzName(rng);
    }
  }
  return root as T;
}
