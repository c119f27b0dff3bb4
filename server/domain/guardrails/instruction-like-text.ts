/**
 * Spots instruction-like content in CRM free text ("ignore previous instructions", "SYSTEM:",
 * "offer a 50% discount", "mark this lead as won"). CRM text is untrusted customer data: the
 * rules side marks such leads as a risk, the prompt side keeps the text quoted, and the
 * grounding check flags drafts that do what such text says.
 */
export interface InstructionLikeMatch {
  /** Which pattern family matched, e.g. "override", "role", "discount_order". */
  pattern: string;
  phrase: string;
  index: number;
}

export interface InstructionLikeResult {
  suspicious: boolean;
  matches: InstructionLikeMatch[];
}

const PATTERNS: [string, RegExp][] = [
  ['override', /\b(ignore|disregard|forget|override|bypass)\b[^.\n]{0,30}\b(previous|prior|above|earlier|all|your|the|any)\b[^.\n]{0,20}\b(instructions?|rules?|prompts?|guidelines|policies|constraints|directions)\b/gi],
  ['override', /\b(ignoriere|vergiss|missachte)\b[^.\n]{0,30}\b(anweisungen|regeln|vorgaben|instruktionen)\b/gi],
  ['override', /\b(zanemari|ignoriraj|zaboravi)\b[^.\n]{0,30}\b(upute|pravila|instrukcije|naredbe)\b/gi],
  ['role', /(^|\n|\s)(system|assistant|developer|user)\s*:/gi],
  ['role', /<\/?\s*(system|prompt|instructions?|im_start|im_end)\s*>|\[\/?INST\]|###\s*(instruction|system)/gi],
  ['role', /\b(you are now|you're now|from now on you|act as|pretend (to be|you are)|du bist jetzt|sada si)\b/gi],
  ['new_instructions', /\b(new|updated|additional|special) (instructions?|rules?|task)\b|\bneue anweisungen?\b|\bnove upute\b/gi],
  // Imperatives only: a customer asking "can you offer 10%?" is negotiating, not instructing.
  ['discount_order', /(^|[.!:\n]\s*|\b(please|must|should|always|then)\s+)(offer|give|grant|promise|apply)\b[^.\n]{0,25}(\d{1,3}\s?%|percent|discount|free|rabatt|popust)/gi],
  ['discount_order', /\b(biete|gewähre|gib)\b[^.\n]{0,25}(\d{1,3}\s?%|rabatt|kostenlos)|\b(ponudi|daj|odobri)\b[^.\n]{0,25}(\d{1,3}\s?%|popust|besplatn)/gi],
  ['status_order', /\b(mark|set|change|update|move|flag)\b[^.\n]{0,20}\b(this|the)?\s*(lead|status|deal|customer|record)\b[^.\n]{0,20}\b(as|to)\b/gi],
  ['status_order', /\b(markiere|setze)\b[^.\n]{0,25}\b(lead|status)\b|\b(označi|postavi)\b[^.\n]{0,25}\b(lead|status)\b/gi],
  ['reply_order', /\b(in your (reply|response|answer|email|draft)|respond with|reply with|write (that|the following)|tell (the customer|them|him|her|me) that|include (this|the following|these words))\b/gi],
  ['reply_order', /\b(do not|don't|never) (mention|tell|say|reveal)\b/gi],
  ['meta', /\b(as an ai|language model|the (ai|model|assistant|bot)|prompt injection|jailbreak)\b/gi],
];

export function detectInstructionLikeText(text: string | null | undefined): InstructionLikeResult {
  if (!text) return { suspicious: false, matches: [] };
  const matches: InstructionLikeMatch[] = [];
  for (const [pattern, re] of PATTERNS) {
    for (const m of text.matchAll(re)) matches.push({ pattern, phrase: m[0].trim(), index: m.index ?? 0 });
  }
  return { suspicious: matches.length > 0, matches: matches.sort((a, b) => a.index - b.index) };
}

/**
 * Families only text addressed to a machine uses ("SYSTEM:", "<system>", "ignore all previous
 * instructions", "as an AI"): a customer's own words never match them, unlike "tell me that" or
 * "update the record to". The text reader leaves such sentences out of its reading.
 */
const MACHINE_FAMILIES = new Set(['role', 'override', 'meta']);
const MACHINE_PATTERNS = PATTERNS.filter(([family]) => MACHINE_FAMILIES.has(family)).map(([, re]) => re);

export function addressesAMachine(text: string): boolean {
  for (const re of MACHINE_PATTERNS) {
    re.lastIndex = 0; // global regexes keep their position between calls
    if (re.test(text)) return true;
  }
  return false;
}
