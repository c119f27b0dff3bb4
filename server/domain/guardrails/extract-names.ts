/**
 * Finds person names a draft states: in greetings ("Dear Ana", "Liebe Frau Horvat",
 * "Poštovana Ana"), introductions ("this is Marko", "my colleague Ivan"), and sign-offs
 * ("Best regards,\nMarko"). Placeholders like "[Your name]" are left to the rep.
 */
export interface NameMention {
  text: string;
  index: number;
  tokens: string[];
}

const NAME = "[A-ZČĆŽŠĐÄÖÜ][\\p{Ll}'’-]+";
const NAMES = `(${NAME}(?:[ \\t]+${NAME}){0,2})`;
const TITLE = '(?:(?:Mr|Mrs|Ms|Miss|Dr|Herr|Frau|gospodine|gospodin|gospođo|gospođa|g\\.|gđa\\.?)\\.?[ \\t]+)?';

const PATTERNS: RegExp[] = [
  new RegExp(`(?:^|\\n)[ \\t]*(?:Dear|Hi|Hello|Hey|Good (?:morning|afternoon|evening)|Liebe|Lieber|Hallo|Guten (?:Tag|Morgen|Abend)|Sehr geehrte[rs]?|Poštovani|Poštovana|Dragi|Draga|Bok|Dobar dan|Dobro jutro)[ \\t,]+${TITLE}${NAMES}`, 'gu'),
  new RegExp(`\\b(?:this is|my name is|I am|I'm|it's|ich bin|mein Name ist|hier ist|hier spricht|ovdje je|zovem se|ja sam)[ \\t]+${TITLE}${NAMES}`, 'gu'),
  new RegExp(`\\b(?:colleague|Kollege|Kollegin|kolega|kolegica|speak (?:to|with)|ask for|talk to|passed (?:it|this) (?:on )?to)[ \\t]+${TITLE}${NAMES}`, 'gu'),
  new RegExp(`(?:Best regards|Kind regards|Warm regards|Regards|Best wishes|Best|Many thanks|Thanks|Thank you|Cheers|Sincerely|Yours sincerely|Viele Grüße|Mit freundlichen Grüßen|Freundliche Grüße|Beste Grüße|Liebe Grüße|Herzliche Grüße|Srdačan pozdrav|Lijep pozdrav|Srdačno|S poštovanjem|Pozdrav)[,!.]?[ \\t]*\\n?[ \\t]*${NAMES}(?=[ \\t]*(?:\\n|$|,))`, 'gu'),
];

const NOT_NAMES = /^(there|all|team|customer|sir|madam|friend|friends|everyone|again|zusammen|kunde|kundin|damen|herren|svima|svi|gospodo|i|we|you|from|at|with|the|your|our|sales|support|office|mr|mrs|ms|dr)$/i;

export function extractNames(text: string): NameMention[] {
  if (!text) return [];
  const out: NameMention[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const raw = m[1];
      const tokens = raw.split(/[ \t]+/).filter((t) => !NOT_NAMES.test(t));
      // A greeting word followed by a non-name ("Hello again") is not a name.
      if (tokens.length === 0) continue;
      const index = (m.index ?? 0) + m[0].lastIndexOf(raw);
      if (out.some((o) => o.index === index)) continue;
      out.push({ text: raw, index, tokens });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
