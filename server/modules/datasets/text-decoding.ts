/**
 * Turns an uploaded file's bytes into text, saying which encoding was used. CRM exports come as
 * UTF-8 (with or without a byte order mark), UTF-16 (Excel's "Unicode text") or Windows-1252 /
 * Latin-1 (older Excel and Salesforce on Windows). Decoding a Latin-1 file as UTF-8 would store
 * U+FFFD in place of every accented letter without a word, so:
 * - a named encoding (`?encoding=` or the Content-Type's charset) is used as given;
 * - otherwise a byte order mark decides, then the head of the file: UTF-16 by its NUL bytes,
 *   UTF-8 when the head is valid UTF-8, Windows-1252 when it is not;
 * - text is decoded strictly: a byte that is not valid in the chosen encoding stops the import
 *   with a 400 naming the byte offset (never a silent replacement character).
 */
import { Transform, type Readable } from 'node:stream';
import { AppError } from '../../http/errors.ts';

export const ENCODINGS = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1252'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** How the encoding was chosen, reported with the import. */
export type EncodingSource = 'requested' | 'byte order mark' | 'detected';
export interface EncodingReport {
  name: Encoding;
  source: EncodingSource;
}

const ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'utf-16le': 'utf-16le', 'utf-16': 'utf-16le', utf16le: 'utf-16le', ucs2: 'utf-16le', 'ucs-2': 'utf-16le',
  'utf-16be': 'utf-16be', utf16be: 'utf-16be',
  // Latin-1 is decoded as Windows-1252, its superset (what WHATWG decoders and Excel do).
  'windows-1252': 'windows-1252', cp1252: 'windows-1252', 'iso-8859-1': 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252', 'iso-8859-15': 'windows-1252',
};

/** The encoding a name stands for, or a 400 listing the ones we read. */
export function encodingNamed(name: string): Encoding {
  const e = ALIASES[name.trim().toLowerCase()];
  if (!e) throw new AppError('bad_request', `Unknown encoding "${name}": use utf-8, utf-16le, utf-16be, windows-1252 or iso-8859-1.`);
  return e;
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string | undefined): string | undefined {
  return /;\s*charset="?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
}

const SNIFF_BYTES = 256 * 1024;

function detect(head: Buffer): EncodingReport & { bom: number } {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { name: 'utf-8', source: 'byte order mark', bom: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { name: 'utf-16le', source: 'byte order mark', bom: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { name: 'utf-16be', source: 'byte order mark', bom: 2 };
  // ASCII text in UTF-16 has a NUL in every other byte: odd positions for LE, even for BE.
  let evenNul = 0, oddNul = 0;
  const n = Math.min(head.length, 4096);
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    if (i % 2 === 0) evenNul++;
    else oddNul++;
  }
  if (n >= 4 && oddNul > n / 4 && evenNul < n / 50) return { name: 'utf-16le', source: 'detected', bom: 0 };
  if (n >= 4 && evenNul > n / 4 && oddNul < n / 50) return { name: 'utf-16be', source: 'detected', bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return { name: 'utf-8', source: 'detected', bom: 0 };
  } catch {
    return { name: 'windows-1252', source: 'detected', bom: 0 };
  }
}

export interface DecodedText {
  text: Readable;
  /** Known once the first bytes have arrived (always by the time the stream has been read). */
  encoding(): EncodingReport | null;
}

/** Decodes a byte stream to a stream of strings; `requested` names the encoding when the user did. */
export function decodeText(input: Readable, requested?: string): DecodedText {
  const named = requested ? encodingNamed(requested) : null;
  let report: EncodingReport | null = null;
  let decoder: TextDecoder | null = null;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let offset = 0;

  const decode = (chunk: Buffer, final: boolean): string => {
    try {
      const text = decoder!.decode(chunk, { stream: !final });
      offset += chunk.length;
      return text;
    } catch {
      const advice = report!.name === 'utf-8' ? ' Name the encoding with ?encoding=windows-1252 (or utf-16le) if the file was saved in another one.' : '';
      throw new AppError('bad_request', `The file is not valid ${report!.name} (${report!.source}) in the bytes after offset ${offset}.${advice}`, { encoding: report });
    }
  };

  const start = (): string => {
    const head = Buffer.concat(pending);
    pending = [];
    const found = detect(head);
    report = named ? { name: named, source: 'requested' } : { name: found.name, source: found.source };
    // A byte order mark is dropped (ignoreBOM: false), also when the encoding was named.
    decoder = new TextDecoder(report.name, { fatal: true });
    return decode(head, false);
  };

  const text = new Transform({
    readableObjectMode: false,
    decodeStrings: true,
    transform(chunk: Buffer, _enc, callback) {
      try {
        if (decoder) return callback(null, decode(chunk, false));
        pending.push(chunk);
        pendingBytes += chunk.length;
        callback(null, pendingBytes >= SNIFF_BYTES ? start() : '');
      } catch (e) {
        callback(e as Error);
      }
    },
    flush(callback) {
      try {
        const head = decoder ? '' : start();
        callback(null, head + decode(Buffer.alloc(0), true));
      } catch (e) {
        callback(e as Error);
      }
    },
  });
  text.setEncoding('utf8');
  // The reader may start after a small body has already failed to decode: it finds the error in
  // `text.errored` then. Without a listener, that early error would be an uncaught exception.
  text.on('error', () => {});
  input.on('error', (e) => text.destroy(e));
  input.pipe(text);
  return { text, encoding: () => report };
}
