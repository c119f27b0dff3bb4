/**
 * Rule conditions as the form shows them: all/any/not groups of comparisons over catalog fields
 * and signal chips. Parses the subset of CEL the form can represent, writes it back, and reads it
 * as a sentence. Anything outside the subset (other functions, arithmetic, ternaries, an intent()
 * or a signal kind this form does not know) is null: the form shows it as raw CEL, editable as text.
 */

export type FieldType = 'number' | 'days' | 'date' | 'yes/no' | 'text' | 'list' | 'quote';
export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=';
export type Literal = string | number | boolean | null;

export type Condition =
  | { kind: 'group'; join: 'all' | 'any'; negate: boolean; items: Condition[] }
  | { kind: 'compare'; field: string; op: CompareOp; value: Literal }
  | { kind: 'flag'; field: string; negate: boolean }
  | { kind: 'signal'; name: string; negate: boolean }
  | { kind: 'contains'; field: string; value: string; negate: boolean };

export interface CatalogField { name: string; type: string; nullable: boolean; description: string }

const QUOTE_FIELDS: Record<string, FieldType> = {
  amount: 'number', currency: 'text', status: 'text', age_days: 'days', valid_until: 'date', days_until_expiry: 'days', expired: 'yes/no', open: 'yes/no',
};

/** The form's type of a catalog field: `days_*` integers are days. */
export function fieldType(name: string, catalog: readonly CatalogField[]): FieldType | null {
  if (name.startsWith('latest_quote.')) return QUOTE_FIELDS[name.slice(13)] ?? null;
  const d = catalog.find((f) => f.name === name);
  if (!d) return null;
  switch (d.type) {
    case 'integer': return /(^days_|_days$)/.test(name) ? 'days' : 'number';
    case 'number': return 'number';
    case 'boolean': return 'yes/no';
    case 'date': return 'date';
    case 'list<string>': return 'list';
    case 'quote': return 'quote';
    case 'string': return 'text';
    // A type the form does not know: conditions on it stay raw CEL.
    default: return null;
  }
}

/** Fields the picker offers: every catalog feature, with latest_quote's fields spelled out. */
export function pickableFields(catalog: readonly CatalogField[]): { name: string; type: FieldType }[] {
  const out: { name: string; type: FieldType }[] = [];
  for (const f of catalog) {
    if (f.type === 'quote') for (const q of Object.keys(QUOTE_FIELDS)) out.push({ name: `${f.name}.${q}`, type: QUOTE_FIELDS[q] });
    else {
      const type = fieldType(f.name, catalog);
      if (type) out.push({ name: f.name, type });
    }
  }
  return out;
}

export const OPERATORS: Record<FieldType, { op: CompareOp | 'is' | 'is_not' | 'contains' | 'lacks'; label: string }[]> = {
  number: [{ op: '>', label: 'more than' }, { op: '>=', label: 'at least' }, { op: '<', label: 'less than' }, { op: '<=', label: 'at most' }, { op: '==', label: 'equal to' }, { op: '!=', label: 'not equal to' }],
  days: [{ op: '>', label: 'more than' }, { op: '>=', label: 'at least' }, { op: '<', label: 'less than' }, { op: '<=', label: 'at most' }, { op: '==', label: 'exactly' }, { op: '!=', label: 'not' }],
  date: [{ op: '>', label: 'after' }, { op: '>=', label: 'on or after' }, { op: '<', label: 'before' }, { op: '<=', label: 'on or before' }, { op: '==', label: 'on' }],
  'yes/no': [{ op: 'is', label: 'is yes' }, { op: 'is_not', label: 'is no' }],
  text: [{ op: '==', label: 'is' }, { op: '!=', label: 'is not' }],
  list: [{ op: 'contains', label: 'contains' }, { op: 'lacks', label: 'does not contain' }],
  quote: [],
};

// ---------- parsing the form's subset of CEL ----------

type Token = { t: 'id' | 'num' | 'str' | 'op' | 'kw'; v: string; n?: number };

function tokenize(src: string): Token[] | null {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    const two = src.slice(i, i + 2);
    if (['&&', '||', '==', '!=', '<=', '>='].includes(two)) { out.push({ t: 'op', v: two }); i += 2; continue; }
    if ('!<>(),'.includes(c)) { out.push({ t: 'op', v: c }); i++; continue; }
    if (c === '"') {
      let j = i + 1, s = '';
      while (j < src.length && src[j] !== '"') { if (src[j] === '\\') { s += src[j + 1]; j += 2; } else s += src[j++]; }
      if (j >= src.length) return null;
      out.push({ t: 'str', v: s });
      i = j + 1;
      continue;
    }
    const num = /^-?\d+(\.\d+)?/.exec(src.slice(i));
    if (num) { out.push({ t: 'num', v: num[0], n: Number(num[0]) }); i += num[0].length; continue; }
    const id = /^[A-Za-z_][\w]*(\.[A-Za-z_][\w]*)?/.exec(src.slice(i));
    if (id) {
      out.push({ t: ['true', 'false', 'null', 'in'].includes(id[0]) ? 'kw' : 'id', v: id[0] });
      i += id[0].length;
      continue;
    }
    return null;
  }
  return out;
}

export function parseCondition(src: string, catalog: readonly CatalogField[]): Condition | null {
  const toks = tokenize(src);
  if (!toks || !toks.length) return null;
  let p = 0;
  const peek = () => toks[p];
  const eat = (v: string) => (toks[p]?.v === v ? (p++, true) : false);
  const known = (name: string) => fieldType(name, catalog) !== null;

  const literal = (): Literal | undefined => {
    const t = toks[p];
    if (!t) return undefined;
    if (t.t === 'num') { p++; return t.n!; }
    if (t.t === 'str') { p++; return t.v; }
    if (t.t === 'kw' && t.v !== 'in') { p++; return t.v === 'true' ? true : t.v === 'false' ? false : null; }
    return undefined;
  };

  const join = (j: 'all' | 'any', items: Condition[]): Condition =>
    items.length === 1 ? items[0] : { kind: 'group', join: j, negate: false, items: items.flatMap((x) => (x.kind === 'group' && x.join === j && !x.negate ? x.items : [x])) };

  const or = (): Condition | null => {
    const items = [and()];
    while (eat('||')) items.push(and());
    return items.some((x) => !x) ? null : join('any', items as Condition[]);
  };
  const and = (): Condition | null => {
    const items = [unary()];
    while (eat('&&')) items.push(unary());
    return items.some((x) => !x) ? null : join('all', items as Condition[]);
  };
  const negate = (c: Condition): Condition | null => {
    if (c.kind === 'group') return { ...c, negate: !c.negate };
    if (c.kind === 'flag' || c.kind === 'signal' || c.kind === 'contains') return { ...c, negate: !c.negate };
    return { kind: 'group', join: 'all', negate: true, items: [c] };
  };
  const unary = (): Condition | null => {
    if (eat('!')) { const c = unary(); return c && negate(c); }
    if (eat('(')) { const c = or(); return c && eat(')') ? (c.kind === 'group' ? c : c) : null; }
    const t = peek();
    if (!t) return null;
    // "vip" in tags
    if (t.t === 'str' && toks[p + 1]?.v === 'in') {
      const field = toks[p + 2];
      if (field?.t !== 'id' || fieldType(field.v, catalog) !== 'list') return null;
      p += 3;
      return { kind: 'contains', field: field.v, value: t.v, negate: false };
    }
    if (t.t !== 'id') return null;
    if (t.v === 'signal' && toks[p + 1]?.v === '(') {
      const name = toks[p + 2];
      if (name?.t !== 'str' || toks[p + 3]?.v !== ')') return null;
      p += 4;
      return { kind: 'signal', name: name.v, negate: false };
    }
    if (!known(t.v)) return null; // other functions (intent(...)), unknown names: raw CEL
    p++;
    const op = peek();
    if (op && ['==', '!=', '<', '<=', '>', '>='].includes(op.v)) {
      p++;
      const value = literal();
      if (value === undefined) return null;
      return { kind: 'compare', field: t.v, op: op.v as CompareOp, value };
    }
    return fieldType(t.v, catalog) === 'yes/no' ? { kind: 'flag', field: t.v, negate: false } : null;
  };

  const c = or();
  return c && p === toks.length ? c : null;
}

// ---------- writing it back ----------

function lit(v: Literal): string {
  return typeof v === 'string' ? JSON.stringify(v) : String(v);
}

export function writeCondition(c: Condition, nested = false): string {
  switch (c.kind) {
    case 'compare': return `${c.field} ${c.op} ${lit(c.value)}`;
    case 'flag': return `${c.negate ? '!' : ''}${c.field}`;
    case 'signal': return `${c.negate ? '!' : ''}signal(${JSON.stringify(c.name)})`;
    case 'contains': return c.negate ? `!(${JSON.stringify(c.value)} in ${c.field})` : `${JSON.stringify(c.value)} in ${c.field}`;
    case 'group': {
      if (!c.items.length) return c.negate ? 'true' : 'false';
      const body = c.items.map((x) => writeCondition(x, true)).join(c.join === 'all' ? ' && ' : ' || ');
      if (c.negate) return `!(${body})`;
      return nested && c.items.length > 1 ? `(${body})` : body;
    }
  }
}

// ---------- reading it as a sentence ----------

const PHRASES: Record<string, [string, string]> = {
  quote_ever_sent: ['a quote was sent', 'no quote was sent'],
  has_quote: ['there is a quote', 'there is no quote'],
  has_service_date: ['the service date is known', 'no service date is known'],
  has_inbound: ['the customer wrote at least once', 'the customer never wrote'],
  has_email: ['there is an email address', 'there is no email address'],
  has_phone: ['there is a phone number', 'there is no phone number'],
  opted_out: ['the lead opted out', 'the lead did not opt out'],
  quote_accepted: ['a quote was accepted', 'no quote was accepted'],
  callback_requested_open: ['a callback request is open', 'no callback request is open'],
  is_duplicate: ['the lead is a duplicate', 'the lead is not a duplicate'],
  re_engaged: ['the customer came back', 'the customer did not come back'],
  date_postponed: ['the date was postponed', 'the date was not postponed'],
  email_bounced: ['our email bounced', 'our email did not bounce'],
  phone_invalid: ['the phone number is invalid', 'the phone number works'],
  'latest_quote.open': ['the latest quote is open', 'the latest quote is not open'],
  'latest_quote.expired': ['the latest quote expired', 'the latest quote has not expired'],
};

const human = (field: string) => field.replace(/^latest_quote\./, 'latest quote ').replace(/_/g, ' ');

function compareSentence(c: Extract<Condition, { kind: 'compare' }>, type: FieldType | null): string {
  const more = { '>': 'more than', '>=': 'at least', '<': 'less than', '<=': 'at most', '==': 'exactly', '!=': 'not' }[c.op];
  if (c.value === null) return `${human(c.field)} is ${c.op === '==' ? 'unknown' : 'known'}`;
  const m = /^days_until_(.+)$/.exec(c.field);
  if (m && typeof c.value === 'number') {
    const what = `the ${m[1].replace(/_/g, ' ')}`;
    if (c.value === 0 && c.op === '<') return `${what} has passed`;
    if (c.value === 0 && c.op === '>=') return `${what} is today or later`;
    return `${what} is ${more} ${c.value} days away`;
  }
  const s = /^days_since_(.+)$/.exec(c.field);
  if (s && typeof c.value === 'number') return `the ${s[1].replace(/_/g, ' ')} was ${more} ${c.value} days ago`;
  if (type === 'yes/no') return `${PHRASES[c.field]?.[(c.value === true) === (c.op === '==') ? 0 : 1] ?? `${human(c.field)} is ${(c.value === true) === (c.op === '==') ? 'yes' : 'no'}`}`;
  const unit = type === 'days' ? ' days' : c.field.endsWith('_pct') ? '%' : c.field.endsWith('_m3') ? ' m³' : '';
  if (type === 'text') return `${human(c.field)} is ${c.op === '!=' ? 'not ' : ''}${String(c.value).replace(/_/g, ' ')}`;
  if (type === 'date') return `${human(c.field)} is ${{ '>': 'after', '>=': 'on or after', '<': 'before', '<=': 'on or before', '==': 'on', '!=': 'not on' }[c.op]} ${c.value}`;
  return `${human(c.field)} is ${more} ${c.value}${unit}`;
}

export function conditionSentence(c: Condition, catalog: readonly CatalogField[]): string {
  switch (c.kind) {
    case 'compare': return compareSentence(c, fieldType(c.field, catalog));
    case 'flag': return PHRASES[c.field]?.[c.negate ? 1 : 0] ?? `${human(c.field)} is ${c.negate ? 'no' : 'yes'}`;
    case 'signal': return `${c.negate ? 'no ' : ''}"${c.name.replace(/_/g, ' ')}" signal${c.negate ? '' : ' matched'}`;
    case 'contains': return `the ${human(c.field)} ${c.negate ? 'do not include' : 'include'} "${c.value}"`;
    case 'group': {
      const parts = c.items.map((x) => {
        const s = conditionSentence(x, catalog);
        return x.kind === 'group' && x.items.length > 1 && !x.negate ? `(${s})` : s;
      });
      const body = parts.length > 2 ? `${parts.slice(0, -1).join(', ')} ${c.join === 'all' ? 'and' : 'or'} ${parts.at(-1)}` : parts.join(c.join === 'all' ? ' and ' : ' or ');
      return c.negate ? `not (${body})` : body;
    }
  }
}
