/**
 * Redaction for external model providers: names, emails, phone numbers and street addresses
 * become placeholders ([NAME_1], [EMAIL_1], [PHONE_1], [ADDRESS_1]) before a lead leaves the
 * machine, and `unredactText` puts them back into the provider's draft. The same value always
 * gets the same placeholder, so a model can still tell who is who.
 */
import type { Lead } from '../lead.ts';
import { personTokens } from './record-facts.ts';

export type RedactionMap = Record<string, string>;

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;
const PHONE = /(?<![\w])\+?\d[\d\s()/.-]{6,}\d(?![\w])/g;
const STREET = /\b(?:\d{1,4}[a-z]?\s+)?(?:[A-ZČĆŽŠĐÄÖÜ][\p{L}.-]*\s+){0,3}(?:[\p{L}-]*(?:straße|strasse|gasse|weg|allee|platz)|Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|ulica|cesta|trg|put)\s*\d{0,4}[a-z]?\b/giu;

// Street names without a street word ("Ilica 12") are found by what introduces them.
const ADDRESS_AFTER = /\b(live at|living at|address(?: is)?:?|adresa(?: je)?:?|Adresse:?|wohnen (?:in der|im|in|an der)|stanujemo u|živimo u|na adresi)(\s+)((?:[A-ZČĆŽŠĐÄÖÜ][\p{L}.-]*)(?:\s+[\p{L}.-]+){0,3}?\s+\d{1,4}[a-z]?)\b/gu;

class Redactor {
  readonly map: RedactionMap = {};
  private readonly byValue = new Map<string, string>();
  private readonly counters: Record<string, number> = {};
  private readonly names: string[] = [];

  constructor(names: string[]) {
    // Longest first, so "Ana Horvat" is replaced before "Ana".
    this.names = [...new Set(names.filter((n) => n.trim().length > 1))].sort((a, b) => b.length - a.length);
  }

  placeholder(kind: string, value: string): string {
    const existing = this.byValue.get(`${kind}:${value}`);
    if (existing) return existing;
    this.counters[kind] = (this.counters[kind] ?? 0) + 1;
    const ph = `[${kind}_${this.counters[kind]}]`;
    this.byValue.set(`${kind}:${value}`, ph);
    this.map[ph] = value;
    return ph;
  }

  text(value: string | null | undefined): string | null | undefined {
    if (!value) return value;
    let out = value.replace(EMAIL, (m) => this.placeholder('EMAIL', m));
    out = out.replace(PHONE, (m) => (m.replace(/\D/g, '').length >= 7 ? this.placeholder('PHONE', m) : m));
    out = out.replace(ADDRESS_AFTER, (_m, intro: string, space: string, address: string) => `${intro}${space}${this.placeholder('ADDRESS', address)}`);
    out = out.replace(STREET, (m) => (/\d/.test(m) && !m.includes('[') ? this.placeholder('ADDRESS', m) : m));
    for (const name of this.names) {
      const re = new RegExp(`(?<![\\p{L}\\[_])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\]])`, 'gu');
      out = out.replace(re, (m) => this.placeholder('NAME', m));
    }
    return out;
  }
}

function capitalised(token: string): string {
  return token.charAt(0).toUpperCase() + token.slice(1);
}

export function redactLead(lead: Lead): { lead: Lead; map: RedactionMap } {
  const full = [lead.contact?.name, lead.owner].filter((n): n is string => Boolean(n));
  const authorNames = (lead.activities ?? []).map((a) => a?.author?.replace(/^(rep|user|agent)\s*:/i, '')).filter((n): n is string => Boolean(n) && !/^(system|bot)$/i.test(n ?? ''));
  // Parts of names appear alone in texts ("Hi Ana"), in either case.
  const tokens = [...full, ...authorNames].flatMap((n) => n.split(/[\s._-]+/)).filter((t) => t.length > 2);
  const r = new Redactor([...full, ...authorNames, ...tokens, ...tokens.map(capitalised)]);
  const copy: Lead = structuredClone(lead);
  if (copy.contact) {
    copy.contact.name = r.text(copy.contact.name) ?? copy.contact.name;
    if (copy.contact.email) copy.contact.email = r.placeholder('EMAIL', copy.contact.email);
    if (copy.contact.phone) copy.contact.phone = r.placeholder('PHONE', copy.contact.phone);
  }
  if (copy.owner) copy.owner = r.text(copy.owner) ?? copy.owner;
  for (const a of copy.activities ?? []) {
    if (!a) continue;
    a.text = r.text(a.text);
    if (a.author) a.author = a.author.replace(/^((?:rep|user|agent)\s*:)?(.*)$/i, (_m, prefix: string | undefined, rest: string) => `${prefix ?? ''}${r.text(rest) ?? rest}`);
  }
  copy.lost_reason = r.text(copy.lost_reason) ?? copy.lost_reason;
  return { lead: copy, map: r.map };
}

/** Puts the original values back; unknown placeholders are left as written. */
export function unredactText(text: string, map: RedactionMap): string {
  return text.replace(/\[(NAME|EMAIL|PHONE|ADDRESS)_\d+\]/g, (ph) => map[ph] ?? ph);
}

export { personTokens };
