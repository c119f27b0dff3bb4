/**
 * Strings the database cannot store: a NUL character (PostgreSQL text and jsonb refuse U+0000)
 * or an unpaired UTF-16 surrogate (not valid Unicode, so not valid UTF-8). They arrive through
 * JSON escapes (`"\u0000"`, `"\ud800"`) or percent-encoded paths and queries, and used to fail
 * deep inside an insert as a 5xx. Every input is checked with this ONE function: the HTTP layer
 * for bodies, params and queries, and the lead schema for every import line.
 */

export interface UnstorableString {
  /** Where the string is, e.g. `lead.activities.2.text` (object keys are checked too). */
  path: string;
  problem: string;
}

const NUL = '\u0000';
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function unstorableReason(text: string): string | null {
  if (text.includes(NUL)) return 'contains a NUL character (U+0000), which cannot be stored';
  if (LONE_SURROGATE.test(text)) return 'contains an unpaired surrogate (invalid Unicode), which cannot be stored';
  return null;
}

/**
 * Parsed JSON, query and route-param objects (the router's have a null-prototype prototype);
 * not streams, buffers or other class instances.
 */
function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null || Object.getPrototypeOf(proto) === null;
}

/** Walks a parsed JSON value; stops after `limit` findings. */
export function findUnstorableStrings(value: unknown, prefix = '', limit = 20): UnstorableString[] {
  const found: UnstorableString[] = [];
  const at = (path: string, key: string) => (path ? `${path}.${key}` : key);
  const walk = (v: unknown, path: string, depth: number) => {
    if (found.length >= limit || depth > 64) return;
    if (typeof v === 'string') {
      const problem = unstorableReason(v);
      if (problem) found.push({ path: path || '(value)', problem });
      return;
    }
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) walk(v[i], at(path, String(i)), depth + 1);
      return;
    }
    if (v !== null && typeof v === 'object' && isPlainObject(v)) {
      for (const key of Object.keys(v)) {
        const keyProblem = unstorableReason(key);
        if (keyProblem) found.push({ path: at(path, JSON.stringify(key)), problem: `field name ${keyProblem}` });
        walk((v as Record<string, unknown>)[key], at(path, key), depth + 1);
      }
    }
  };
  walk(value, prefix, 0);
  return found;
}

export function describeUnstorable(found: UnstorableString[]): string[] {
  return found.map((f) => `${f.path}: ${f.problem}`);
}
