/**
 * Manager-facing wording for conditions that do not parse or name something unknown. The CEL
 * parser says "Unexpected character 'd'" for `a and b`; a manager needs "write && instead of and".
 */
import { FEATURE_NAMES } from '../features/catalog.ts';

export interface SyntaxHint { message: string; start: number }

/** The text with string literals blanked (same length), so words inside quotes are not hints. */
function withoutStrings(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g, (m) => ' '.repeat(m.length));
}

const WORD_OPERATORS: { re: RegExp; word: string; write: string; example: string }[] = [
  { re: /\band\b/gi, word: 'and', write: '&&', example: 'has_quote && quote_ever_sent' },
  { re: /\bor\b/gi, word: 'or', write: '||', example: 'opted_out || erasure_requested' },
  { re: /\bnot\b/gi, word: 'not', write: '!', example: '!has_inbound' },
  { re: /<>/g, word: '<>', write: '!=', example: 'status != "won"' },
  // A lone `=` (not part of ==, !=, <=, >=).
  { re: /(?<![=!<>])=(?!=)/g, word: '=', write: '==', example: 'service_type == "storage"' },
];

/** Hints for operators written the spreadsheet / SQL way, in order of position. */
export function operatorHints(text: string): SyntaxHint[] {
  const plain = withoutStrings(text);
  const hints: SyntaxHint[] = [];
  for (const op of WORD_OPERATORS) {
    for (const m of plain.matchAll(op.re)) {
      hints.push({ start: m.index, message: `write ${op.write} instead of "${op.word}" (e.g. ${op.example})` });
    }
  }
  return hints.sort((a, b) => a.start - b.start);
}

/** A sentence for a condition that does not parse, with the parser's own words last. */
export function syntaxMessage(text: string, parserMessage: string, parserStart: number): SyntaxHint {
  const hints = operatorHints(text);
  if (hints.length) {
    const distinct = [...new Set(hints.map((h) => h.message))];
    return { start: hints[0].start, message: `The condition is not valid: ${distinct.join('; ')}. Conditions use && (and), || (or), ! (not), == (equals), != (differs). (parser: ${parserMessage})` };
  }
  const plain = withoutStrings(text);
  const words = /\b([A-Za-z_][\w]*)\s+([A-Za-z_][\w]*)\b/.exec(plain);
  if (words && !/^(in|true|false|null)$/.test(words[2]) && !/^(in)$/.test(words[1])) {
    return {
      start: words.index,
      message: `The condition reads like plain words ("${words[0]}"): a condition joins feature names from the field list with comparisons and &&, e.g. days_until_service_date > 120 && quote_ever_sent. Put text values in quotes: service_type == "storage". (parser: ${parserMessage})`,
    };
  }
  if (/unexpected end|end of input|EOF/i.test(parserMessage)) {
    return { start: parserStart, message: `The condition stops too early: something is missing at the end (a value after a comparison, a closing bracket or quote). (parser: ${parserMessage})` };
  }
  return { start: parserStart, message: `The condition is not valid here. (parser: ${parserMessage})` };
}

function distance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0];
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j];
      dp[j] = Math.min(dp[j] + 1, dp[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length];
}

/** "Did you mean ...?" for an unknown name: the closest feature names. */
export function closestFeatures(name: string, limit = 2): string[] {
  return FEATURE_NAMES.map((f) => ({ f, d: f.includes(name) || name.includes(f) ? 1 : distance(name, f) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(name.length / 3)))
    .sort((a, b) => a.d - b.d)
    .slice(0, limit)
    .map((x) => x.f);
}
