import type { KubeObject } from '../../../schemas/meta.js';
import type { Printer } from '../../../server/printers/printer.js';

/** The instant every printer test prints at. */
export const NOW = Date.parse('2024-06-01T12:00:00Z');

const UNITS = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** An RFC 3339 timestamp `amount` units before NOW. */
export function ago(amount: number, unit: keyof typeof UNITS): string {
  return new Date(NOW - amount * UNITS[unit]).toISOString().replace('.000Z', 'Z');
}

/** The row as kubectl receives it: cells keyed by column name, wide columns included. */
export function row(printer: Printer, obj: unknown): Record<string, unknown> {
  const cells = printer.cells(obj as KubeObject, NOW);
  return Object.fromEntries(printer.columns.map((c, i) => [c.name, cells[i]]));
}
