// An RFC 4180 reader written apart from Ami's writer (shared/usage-csv.ts), so that tests read its output back
// the way a spreadsheet would: quoted fields, doubled quotes, CRLF after every record.
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), (i += 2);
      else if (c === '"') (quoted = false), i++;
      else (field += c), i++;
    } else if (c === '"') (quoted = true), i++;
    else if (c === ',') record.push(field), (field = ''), i++;
    else if (c === '\r' && text[i + 1] === '\n') record.push(field), records.push(record), (record = []), (field = ''), (i += 2);
    else (field += c), i++;
  }
  if (field || record.length) throw new Error('the last record is not ended by CRLF');
  return records;
}
