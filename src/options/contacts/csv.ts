/**
 * CSV as RFC 4180 describes it (https://www.rfc-editor.org/rfc/rfc4180), read the way spreadsheet
 * programs write it in practice: LF or CRLF (or a lone CR) ends a record, a UTF-8 byte order mark may
 * open the file, and the last record may or may not end with a line break. Each record keeps the line
 * it starts on, so an import can say "line 7" about a row whose earlier fields held line breaks.
 */

export interface CsvRecord {
  /** 1-based line of the file where the record starts. */
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  message: string;
}

export interface CsvParse {
  records: CsvRecord[];
  /** Records that could not be read, by the line they start on; the records around them are kept. */
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/**
 * Most exports use commas; some spreadsheet programs in locales with a decimal comma write semicolons
 * or tabs instead. The header line decides: whichever separator it holds most of, outside quotes.
 */
export function guessDelimiter(text: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let isQuoted = false;
  for (const char of text.startsWith(BOM) ? text.slice(1) : text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && (char === ',' || char === ';' || char === '\t')) counts[char] += 1;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[',']) return '\t';
  return ',';
}

export function parseCsv(text: string, delimiter: string = guessDelimiter(text)): CsvParse {
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const source = text.startsWith(BOM) ? text.slice(1) : text;

  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoteLine = 0;
  let isQuoted = false;
  let i = 0;

  const endRecord = () => {
    fields.push(field);
    // A blank line is not a contact: exports leave them at the end and between sections.
    if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
  };

  while (i < source.length) {
    const char = source[i]!;
    if (isQuoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        // Text after the closing quote is kept as written, as spreadsheet programs do, instead of
        // refusing the row.
        isQuoted = false;
        i += 1;
        continue;
      }
      if (char === '\r' || char === '\n') {
        // A line break inside quotes is part of the field, written as LF whatever the file used.
        field += '\n';
        i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
        line += 1;
        continue;
      }
      field += char;
      i += 1;
      continue;
    }
    if (char === '"' && field === '') {
      isQuoted = true;
      quoteLine = line;
      i += 1;
      continue;
    }
    if (char === delimiter) {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += char;
    i += 1;
  }

  if (isQuoted) {
    // Everything after the opening quote was swallowed into one field, so the record is not trusted.
    problems.push({
      line: recordLine,
      message: `a quoted field that opens on line ${quoteLine} is never closed, so this row and the rest of the file could not be read`,
    });
  } else if (field !== '' || fields.length > 0) {
    endRecord();
  }
  return { records, problems };
}

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/u;

/** One field, quoted only when it has to be (a separator, a quote, a line break, or edge spaces). */
export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 asks and as Outlook and Excel expect. */
export function writeCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
