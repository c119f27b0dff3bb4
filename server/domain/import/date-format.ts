/**
 * Parses CRM date strings with an explicit format such as `DD/MM/YYYY HH:mm` (the mapping says
 * which; guessing day-first vs month-first from the data is how imports silently corrupt dates).
 */
const TOKENS: Record<string, string> = {
  YYYY: '(?<YYYY>\\d{4})',
  MM: '(?<MM>\\d{1,2})',
  DD: '(?<DD>\\d{1,2})',
  HH: '(?<HH>\\d{1,2})',
  mm: '(?<mm>\\d{2})',
  ss: '(?<ss>\\d{2})',
};

const compiled = new Map<string, RegExp>();

function compile(format: string): RegExp {
  let re = compiled.get(format);
  if (!re) {
    const escaped = format.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    re = new RegExp(`^${escaped.replace(/YYYY|MM|DD|HH|mm|ss/g, (t) => TOKENS[t])}$`);
    compiled.set(format, re);
  }
  return re;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Returns an ISO date (`YYYY-MM-DD`) or date-time (`...T..:..:..Z`), or null when it does not fit. */
export function parseFormattedDate(value: string, format: string, kind: 'date' | 'datetime'): string | null {
  const text = value.trim();
  let h = 0, mi = 0, s = 0;
  if (format === 'iso') {
    const t = Date.parse(text);
    if (Number.isNaN(t)) return null;
    const iso = new Date(t).toISOString();
    return kind === 'date' ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  const m = compile(format).exec(text);
  if (!m?.groups) return null;
  const y = Number(m.groups.YYYY);
  const mo = Number(m.groups.MM);
  const d = Number(m.groups.DD);
  if (m.groups.HH) h = Number(m.groups.HH);
  if (m.groups.mm) mi = Number(m.groups.mm);
  if (m.groups.ss) s = Number(m.groups.ss);
  const date = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
  // Reject 31/02 and friends instead of letting Date roll them over into March.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    return null;
  }
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return kind === 'date' ? day : `${day}T${pad(h)}:${pad(mi)}:${pad(s)}Z`;
}
