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
