/**
 * Quoted replies in the mail clients' own attribution lines (issue 10): gendered verbs
 * ("napisao/la", "napsal(a)", "napisał(a)"), Hungarian "ezt írta" (a non-ASCII first letter) and
 * "date, name <address> wrote:" lines, so a quoted earlier email is never read as the author's.
 */
import { describe, expect, it } from 'vitest';
import { splitQuoted } from '../../../server/domain/features/quoted-text.ts';
import { detectLanguage } from '../../../server/domain/text/language.ts';

describe('quoted text below a reply', () => {
  it.each([
    ['hr', 'Hvala, javit ćemo se.\n\n05.12.2025 08:59, Ivo (Firma) <ivo@firma.hr> je napisao/la:\n> Ne želite više poruke? Javite nam.'],
    ['cs', 'Děkuji, ozveme se.\n\nDne 12.12.2025 16:57 Eva (Firma) <eva@firma.cz> napsal(a):\n> Nechcete další zprávy? Odpovězte STOP.'],
    ['pl', 'Dziękuję, odezwiemy się.\n\nW dniu 13.06.2026 08:00 Jan (Firma) <jan@firma.pl> napisał(a):\n> Nie chcesz wiadomości? Odpisz STOP.'],
    ['hu', 'Köszönöm, jelentkezünk.\n\n12.10.2026 09:25 időpontban Anna (Cég) <anna@ceg.hu> ezt írta:\n> Leiratkozás: válaszoljon STOP.'],
  ])('%s: the attribution and what follows are quoted, the reply above is the author\'s', (_lang, text) => {
    const { own, quoted } = splitQuoted(text);
    expect(own).not.toMatch(/STOP|Javite nam|:$/);
    expect(own.length).toBeGreaterThan(5);
    expect(quoted.length).toBeGreaterThan(0);
  });

  it('a date and "as I wrote:" inside a sentence is no attribution', () => {
    const text = 'Ok thanks. The 12.10.2026 date is fine, as I wrote: see you then';
    expect(splitQuoted(text)).toEqual({ own: text, quoted: '' });
  });
});

describe('language detection of short texts in related languages', () => {
  it('a short Croatian or Slovenian text that eld calls Slovak is still read (a supported language is close behind)', () => {
    expect(detectLanguage('Malo predrago za nas, nas proračun je 300 EUR.').supported).toBe(true);
  });
  it('Finnish and Romanian stay unsupported', () => {
    expect(detectLanguage('Kiitos tarjouksesta, emme tarvitse enää muuttoa.').supported).toBe(false);
    expect(detectLanguage('Mutarea s-a anulat, nu mai avem nevoie.').supported).toBe(false);
  });
});
