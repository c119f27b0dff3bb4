/**
 * Greetings and sign-offs ("Hallo Lukas,", "LG Christina", "Merci", "Minden jót!", "Srdačan
 * pozdrav") are read exactly, as no intent: they are in every message, and the classifier,
 * which has few of them, read some as refusals under its threshold ("Merci" as
 * asked_not_to_contact at 0.42), which made a plain price question fail closed as unread.
 *
 * A sentence is a greeting or sign-off when, folded, it holds at least one formula word below,
 * every other word is a formula word or a name (a capitalised word, or the lead's own blanked
 * words), and it is short. Nothing with a word of content ("Thanks, but no", "enough now",
 * "Danke, kein Interesse") is one.
 */
import { foldText } from '../features/text.ts';
import { transliterate } from './tokens.ts';

const FORMULA_WORDS = new Set(
  [
    // en
    'hi', 'hello', 'hey', 'dear', 'good', 'morning', 'afternoon', 'evening', 'thanks', 'thank', 'you', 'thx', 'ty', 'cheers', 'regards', 'kind', 'best', 'wishes',
    'many', 'warm', 'sincerely', 'yours', 'faithfully', 'truly', 'all', 'the', 'sir', 'madam', 'or', 'and', 'a', 'lot', 'very', 'much', 'again', 'br', 'rgds', 'kr',
    'mr', 'mrs', 'ms', 'team', 'from',
    // de (incl. AT / CH)
    'hallo', 'liebe', 'lieber', 'sehr', 'geehrte', 'geehrter', 'damen', 'herren', 'guten', 'tag', 'morgen', 'abend', 'moin', 'servus', 'gruezi', 'gruss', 'grusse',
    'gruessen', 'grussen', 'grussle', 'gruass', 'lg', 'vg', 'mfg', 'viele', 'beste', 'besten', 'schone', 'freundliche', 'freundlichen', 'herzliche', 'herzlichen',
    'grus', 'aus', 'mit', 'danke', 'dankeschon', 'vielen', 'dank', 'schonen', 'frau', 'herr', 'und', 'fur', 'ihre', 'ihr', 'euer', 'eure', 'im', 'voraus', 'bis', 'dann', 'tschuss',
    // hr / sr / bs
    'pozdrav', 'pozdravi', 'lp', 'srdacan', 'srdacno', 'lijep', 'lep', 'postovani', 'postovana', 'postovanje', 'dobar', 'dan', 'dobro', 'jutro', 'vecer', 'bok', 'zdravo',
    'hvala', 'puno', 'lijepa', 'lepa', 'unaprijed', 'unapred', 'gospodine', 'gospodo', 'gospodjo', 'gospodo', 'srdacni', 'vam', 'ti', 'lijepo', 'i',
    // sl
    'pozdravljeni', 'lep', 'lepi', 'pozdrave', 'dober', 'hvala', 'lepa', 'najlepsa', 'spostovani', 'spostovana', 'lp',
    // it
    'ciao', 'salve', 'buongiorno', 'buonasera', 'gentile', 'gentili', 'egregio', 'grazie', 'mille', 'cordiali', 'saluti', 'distinti', 'un', 'saluto', 'cari', 'caro',
    'cordialmente', 'in', 'anticipo', 'signor', 'signora',
    // fr
    'bonjour', 'bonsoir', 'salut', 'madame', 'monsieur', 'merci', 'beaucoup', 'cordialement', 'bien', 'a', 'vous', 'bonne', 'journee', 'soiree', 'amicalement',
    'sinceres', 'salutations', 'chers', 'cher', 'chere', 'avance', 'par', 'de',
    // es
    'hola', 'buenos', 'buenas', 'dias', 'tardes', 'noches', 'estimado', 'estimada', 'estimados', 'gracias', 'muchas', 'saludos', 'un', 'cordial', 'atentamente',
    'abrazo', 'senor', 'senora', 'adelantado', 'por',
    // pl
    'dzien', 'dobry', 'witam', 'czesc', 'szanowni', 'szanowny', 'szanowna', 'panstwo', 'panie', 'pani', 'dziekuje', 'dzieki', 'bardzo', 'pozdrawiam', 'serdecznie',
    'z', 'powazaniem', 'pozdrowienia', 'gory',
    // cs
    'dobry', 'den', 'ahoj', 'vazeny', 'vazena', 'vazeni', 'dekuji', 'diky', 'moc', 'predem', 's', 'pozdravem', 'zdravim', 'srdecne', 'pane', 'pani',
    // hu
    'szia', 'sziasztok', 'hello', 'jo', 'napot', 'estet', 'reggelt', 'kedves', 'tisztelt', 'udv', 'udvozlettel', 'udvozlet', 'koszonom', 'koszi', 'koszonjuk',
    'szepen', 'elore', 'minden', 'jot', 'tisztelettel', 'uram', 'holgyem',
    // nl
    'hoi', 'hallo', 'goedemorgen', 'goedemiddag', 'goedenavond', 'beste', 'geachte', 'heer', 'mevrouw', 'bedankt', 'dank', 'je', 'wel', 'groet', 'groeten', 'groetjes',
    'vriendelijke', 'hartelijke', 'met', 'alvast', 'mvg', 'gr',
  ],
);

/** Capitalised words that are never a name in a sign-off. */
const NEVER_NAMES = new Set(['no', 'nope', 'nein', 'ne', 'nie', 'non', 'nem', 'nee', 'niet', 'stop', 'stopp', 'genug', 'dosta', 'dost', 'eleg', 'basta', 'assez',
  'cancel', 'unsubscribe', 'remove', 'end', 'quit', 'never', 'nicht', 'nikad', 'jamais', 'nunca', 'mai', 'nigdy', 'nikdy', 'soha', 'nooit', 'nikoli']);

/** At most this many words: a greeting or sign-off line, not a message. */
const MAX_WORDS = 7;
/** Names allowed beside the formula words ("LG Christina", "Srdačan pozdrav, Ivana Horvat"). */
const MAX_NAMES = 3;

const WORD = /[\p{L}\d_]+/gu;

/** True when a sentence (as written, the lead's own words possibly blanked as "_") is only a greeting or sign-off. */
export function isGreetingOrClosing(sentence: string): boolean {
  const words = sentence.match(WORD);
  if (!words || words.length > MAX_WORDS) return false;
  let formula = 0, names = 0;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const folded = foldText(transliterate(w));
    if (FORMULA_WORDS.has(folded)) { formula++; continue; }
    // A name: the lead's blanked words, or after the first word a capitalised word or an initial
    // ("Lukas", "F."), never a word of refusal ("Danke Nein", "Thanks STOP").
    const name = /^_+$/.test(w) || (i > 0 && /^\p{Lu}\p{Ll}*$/u.test(w) && !NEVER_NAMES.has(folded));
    if (name) { if (++names > MAX_NAMES) return false; continue; }
    return false;
  }
  return formula > 0;
}
