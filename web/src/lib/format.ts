/** Small display helpers. Everything returns plain strings; nothing here produces HTML. */

const pad = (n: number) => String(n).padStart(2, '0');

/** `2026-08-14 09:12` in the browser's time zone; the input string when it is not a date. */
export function dateTime(value: string | null | undefined): string {
  if (!value) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export function date(value: string | null | undefined): string {
  if (!value) return '—';
  return value.length >= 10 ? value.slice(0, 10) : value;
}

export function money(amount: number | null | undefined, currency: string | null | undefined): string {
  if (amount === null || amount === undefined) return '—';
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 2 }).format(amount);
    } catch {
      /* not an ISO currency code: fall through */
    }
  }
  return `${new Intl.NumberFormat().format(amount)}${currency ? ` ${currency}` : ''}`;
}

export function count(n: number | null | undefined): string {
  return n === null || n === undefined ? '—' : new Intl.NumberFormat().format(n);
}

/** `do_not_contact` → `do not contact`. */
export function words(code: string | null | undefined): string {
  return code ? code.replace(/_/g, ' ') : '—';
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** 0.9177 → `91.8%`. */
export function pct(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

/** A number with at most `digits` decimals (trailing zeros dropped). */
export function num(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: digits }).format(value);
}

/** Signed: `+0.012`, `−3`. */
export function signed(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  const s = num(Math.abs(value), digits);
  if (value > 0) return `+${s}`;
  if (value < 0) return `−${s}`;
  return '0';
}

/** 95 → `1 min 35 s`. */
export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return '—';
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${s % 60} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** `token:tok_1a2b` stays as is; long ids are shortened for tables (the full value goes in a title). */
export function shortId(id: string | null | undefined, keep = 14): string {
  if (!id) return '—';
  return id.length > keep + 1 ? `${id.slice(0, keep)}…` : id;
}

/** How long ago, in the largest whole unit: "5 min ago", "3 h ago", "2 days ago". */
export function ago(value: string | null | undefined, now = Date.now()): string {
  if (!value) return '—';
  const t = new Date(value).getTime();
  if (Number.isNaN(t)) return value;
  const minutes = Math.max(0, Math.round((now - t) / 60_000));
  if (minutes < 1) return 'just now';
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.round(hours / 24)} days ago`;
}
