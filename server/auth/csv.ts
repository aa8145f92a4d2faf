/**
 * RFC 4180 records as Go's encoding/csv reads them with FieldsPerRecord = -1: quoted fields may hold commas,
 * newlines and doubled quotes; empty lines are skipped; a quote inside an unquoted field is an error.
 */
export class CsvError extends Error {
  override name = 'CsvError';
}

export interface CsvRecord {
  fields: string[];
  line: number;
}

function parseError(startLine: number, line: number, column: number, what: string): CsvError {
  const where = startLine === line ? '' : `record on line ${startLine}; `;
  return new CsvError(`${where}parse error on line ${line}, column ${column}: ${what}`);
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let i = 0;
  while (i < lines.length) {
    const startLine = i + 1;
    if (lines[i] === '') {
      i++;
      continue;
    }
    const fields: string[] = [];
    let line = lines[i];
    let pos = 0;
    for (;;) {
      if (line[pos] !== '"') {
        const end = line.indexOf(',', pos);
        const field = end < 0 ? line.slice(pos) : line.slice(pos, end);
        const quote = field.indexOf('"');
        if (quote >= 0) throw parseError(startLine, i + 1, pos + quote + 1, 'bare " in non-quoted-field');
        fields.push(field);
        if (end < 0) break;
        pos = end + 1;
        continue;
      }
      // A quoted field, possibly running over several lines.
      let value = '';
      pos++;
      for (;;) {
        const quote = line.indexOf('"', pos);
        if (quote < 0) {
          value += `${line.slice(pos)}\n`;
          i++;
          if (i >= lines.length) throw parseError(startLine, i, line.length + 1, 'extraneous or missing " in quoted-field');
          line = lines[i];
          pos = 0;
          continue;
        }
        value += line.slice(pos, quote);
        if (line[quote + 1] === '"') {
          value += '"';
          pos = quote + 2;
          continue;
        }
        pos = quote + 1;
        break;
      }
      fields.push(value);
      if (pos >= line.length) break;
      if (line[pos] !== ',') throw parseError(startLine, i + 1, pos + 1, 'extraneous or missing " in quoted-field');
      pos++;
    }
    records.push({ fields, line: startLine });
    i++;
  }
  return records;
}
