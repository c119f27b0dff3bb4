import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../server/modules/datasets/text-decoding.ts';

const TEXT = 'ID,Name,City\n1,Zoë Müller,Zürich\n2,Ana Horvat,Čakovec\n3,Ole,Århus €\n';

async function decode(bytes: Buffer, requested?: string, chunk = 7) {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) parts.push(bytes.subarray(i, i + chunk));
  const d = decodeText(Readable.from(parts), requested);
  let text = '';
  for await (const s of d.text) text += s;
  return { text, encoding: d.encoding() };
}

const latin = (s: string) => Buffer.from(new Uint8Array([...s].map((c) => (c === '€' ? 0x80 : c.charCodeAt(0)))));

describe('import text encodings', () => {
  it('reads UTF-8 with and without a byte order mark (the mark is dropped)', async () => {
    expect(await decode(Buffer.from(TEXT))).toEqual({ text: TEXT, encoding: { name: 'utf-8', source: 'detected' } });
    expect(await decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]))).toEqual({ text: TEXT, encoding: { name: 'utf-8', source: 'byte order mark' } });
  });

  it('reads UTF-16 LE and BE, with a byte order mark or detected from the NUL bytes', async () => {
    const le = Buffer.from(TEXT, 'utf16le');
    const be = Buffer.from(le).swap16();
    expect(await decode(Buffer.concat([Buffer.from([0xff, 0xfe]), le]))).toEqual({ text: TEXT, encoding: { name: 'utf-16le', source: 'byte order mark' } });
    expect(await decode(Buffer.concat([Buffer.from([0xfe, 0xff]), be]))).toEqual({ text: TEXT, encoding: { name: 'utf-16be', source: 'byte order mark' } });
    expect(await decode(le)).toEqual({ text: TEXT, encoding: { name: 'utf-16le', source: 'detected' } });
    expect(await decode(be)).toEqual({ text: TEXT, encoding: { name: 'utf-16be', source: 'detected' } });
  });

  it('detects Windows-1252 / Latin-1 instead of storing replacement characters', async () => {
    const text = 'ID,Name,City\n1,Zoë Müller,Zürich\n3,Ole,Århus €\n';
    const r = await decode(latin(text));
    expect(r).toEqual({ text, encoding: { name: 'windows-1252', source: 'detected' } });
    expect(r.text).not.toContain('\uFFFD');
  });

  it('uses a named encoding as given, and refuses an unknown name', async () => {
    const text = 'ID,Name\n1,José\n';
    expect(await decode(latin(text), 'iso-8859-1')).toEqual({ text, encoding: { name: 'windows-1252', source: 'requested' } });
    expect(() => decodeText(Readable.from([]), 'ebcdic')).toThrow(/Unknown encoding "ebcdic"/);
  });

  it('stops with a 400 when bytes are invalid in the chosen encoding, never a silent U+FFFD', async () => {
    await expect(decode(latin('ID,Name\n1,José\n'), 'utf-8')).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/not valid utf-8/) });
  });
});
