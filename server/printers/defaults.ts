import { formatTime } from '../clock.js';
import { translateTimestampSince } from './age.js';
import { NAME_COLUMN, docColumn } from './columns.js';
import { definePrinter } from './printer.js';

/**
 * The Name and Age pair a CustomResourceDefinition without additionalPrinterColumns gets: Age is a `date` column
 * holding the humanised age.
 */
export const NAME_AGE_PRINTER = definePrinter({
  columns: [NAME_COLUMN, docColumn('Age', 'date', 'ObjectMeta.creationTimestamp')],
  cells: (obj, now) => [obj.metadata.name ?? '', translateTimestampSince(obj.metadata.creationTimestamp, now)],
});

/** Go's zero time as time.RFC3339 formats it, printed for an object without a creation timestamp. */
const ZERO_TIME_RFC3339 = '0001-01-01T00:00:00Z';

/**
 * The apiserver's default table convertor, which built-in kinds without a printer (LimitRange) use: Name, then the
 * creation time as an RFC 3339 UTC instant rather than an age.
 */
export const CREATED_AT_PRINTER = definePrinter({
  columns: [NAME_COLUMN, docColumn('Created At', 'date', 'ObjectMeta.creationTimestamp')],
  cells(obj) {
    const created = obj.metadata.creationTimestamp;
    const ms = created ? Date.parse(created) : NaN;
    return [obj.metadata.name ?? '', Number.isNaN(ms) ? ZERO_TIME_RFC3339 : formatTime(ms)];
  },
});
