/**
 * Where a message stops being its author's own words: the quoted earlier message below a reply
 * ("On Mon, 3 Nov 2026 Ana wrote:", "Am 03.11.2026 schrieb Ana:", "-----Original Message-----",
 * Outlook's "From: / Sent:" block, lines starting with ">"), in the supported languages. A
 * customer's reply quoting our email must not be read as the customer asking what our email
 * asked; our email quoting the customer's reply must not hide what the customer said.
 */

/** A mail client's gendered verb ending: "napisao/la", "napsal(a)", "napisał(a)", "napisala". */
const GENDER = String.raw`(?:\p{L}*(?:\/\p{L}{1,3}|\(\p{L}{1,3}\))?)`;

/** Attribution lines: "<intro> ... <verb>:" at the start of a line (may wrap onto the next line). */
const ATTRIBUTION = new RegExp(
  [
    String.raw`^on\b.{3,200}\bwrote\s*:`, // en
    String.raw`^am\b.{3,200}\bschrieb\b.{0,120}:`, // de
    String.raw`^le\b.{3,200}\ba\s+[ée]crit\s*:`, // fr
    String.raw`^el\b.{3,200}\bescribi[óo]\s*:`, // es
    String.raw`^il\b.{3,200}\bha\s+scritto\s*:`, // it
    String.raw`^op\b.{3,200}\bschreef\b.{0,120}:`, // nl
    String.raw`^(?:w\s+dniu|dnia)\b.{3,200}\bnapisa[łl]${GENDER}\s*:`, // pl
    String.raw`^.{3,200}\bpisze\s*:`, // pl (short form)
    String.raw`^dne\b.{3,200}\bnapsal${GENDER}\s*:`, // cs
    // "01.09.2026 08:45, Marko (Firma) <marko@firma.eu> je napisao/la:": a date and an address, then a verb of writing.
    String.raw`^.{0,40}\d{1,4}[./-]\d{1,2}[./-]\d{1,4}.{3,200}\b(?:napisa[olł]${GENDER}|napsal${GENDER}|wrote|schrieb|escribi[óo]|scritto|[ée]crit|schreef)\s*:\s*$`,
    String.raw`^.{3,200}(?:^|\s)(?:ezt\s+)?[íi]rta\s*:`, // hu (no \b before a non-ASCII letter)
    String.raw`^.{3,200}\bje\s+napisa[ol]${GENDER}\s*:`, // hr / sr / bs / sl
    String.raw`^.{3,200}\b(?:wrote|schrieb|napisao|napisala|napisal|napisala)\s*:\s*$`,
  ].join('|'),
  'iu',
);

/** Separator lines of forwarded / replied messages. */
const SEPARATOR =
  /^\s*-{2,}\s*(?:original message|urspr[üu]ngliche nachricht|originalnachricht|izvorna poruka|originalna poruka|izvirno sporo[čc]ilo|message d'origine|messaggio originale|mensaje original|oorspronkelijk bericht|origineel bericht|wiadomo[śs][ćc] oryginalna|p[ůu]vodn[íi] zpr[áa]va|eredeti [üu]zenet|forwarded message|weitergeleitete nachricht)\s*-{2,}\s*$/i;

/** Outlook-style header block: a "From:" line followed within two lines by "Sent:"/"Date:". */
const FROM_LINE = /^\s*\**(?:from|von|od|de|da|van|felad[óo]|posiljatelj|po[šs]iljatelj)\s*\**\s*:/i;
const SENT_LINE = /^\s*\**(?:sent|date|gesendet|datum|poslano|poslato|envoy[ée]|inviato|data|enviado|fecha|verzonden|elk[üu]ldve|d[áa]tum|odesl[áa]no|wys[łl]ano)\s*\**\s*:/i;

/** Index (in characters) where quoted text starts, or -1 when the whole text is the author's own. */
export function quoteStart(text: string): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    // Every ATTRIBUTION and FROM_LINE match ends in or contains ":", and SEPARATOR needs "--":
    // checked first, so the backtracking patterns run only on lines that could match.
    const colon = trimmed.includes(':');
    if (
      (trimmed.startsWith('>') && i > 0) ||
      (trimmed.includes('--') && SEPARATOR.test(trimmed)) ||
      (colon && ATTRIBUTION.test(trimmed)) ||
      (/^(?:on|am|le|el|il|op|dne|w dniu)\b/i.test(trimmed) && i + 1 < lines.length && ATTRIBUTION.test(`${trimmed} ${lines[i + 1].trim()}`)) ||
      (colon && FROM_LINE.test(trimmed) && lines.slice(i + 1, i + 4).some((l) => SENT_LINE.test(l)))
    ) {
      return offset;
    }
    offset += line.length + 1;
  }
  return -1;
}

/** The author's own part and the quoted part (either may be empty). */
export function splitQuoted(text: string): { own: string; quoted: string } {
  const at = quoteStart(text);
  if (at < 0) return { own: text, quoted: '' };
  // A text that starts with ">" lines is quoted from the first line on; the author wrote below.
  const quoted = text.slice(at);
  return { own: text.slice(0, at).trimEnd(), quoted: stripQuoteMarks(quoted) };
}

/** Header-ish lines at the top of a quote: "From: ...", "Sent: ...", "Subject: ...". */
const HEADER_FIELD = /^\s*\**[\p{L} ]{2,14}\**\s*:\s/u;

function stripQuoteMarks(text: string): string {
  const lines = text.split('\n').map((l) => l.replace(/^\s*(?:>\s?)+/, ''));
  // Drop the attribution / separator / header block itself: it is neither party's message.
  let i = 0;
  let attributed = false;
  if (SEPARATOR.test(lines[0]?.trim() ?? '')) i = 1;
  else if (ATTRIBUTION.test(lines[0]?.trim() ?? '')) { i = 1; attributed = true; }
  else if (lines.length > 1 && ATTRIBUTION.test(`${lines[0].trim()} ${lines[1].trim()}`)) { i = 2; attributed = true; }
  // Header fields follow a separator or open an Outlook block; after "... wrote:" the message
  // itself starts ("Ponuda poslana: 305 €" is a sentence, not a header).
  if (!attributed) while (i < lines.length && i < 8 && HEADER_FIELD.test(lines[i])) i++;
  return lines.slice(i).join('\n').trim();
}
