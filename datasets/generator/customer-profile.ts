/**
 * The customer's identity and job: name, contact details, route, size and our price. Separate from
 * the truth about their situation, which decides how the story goes.
 */
import type { Rng } from './prng';
import {
  CITIES, CITY_SPELLINGS, EMAIL_DOMAINS, FIRST_NAMES, LAST_NAMES, LOW_VALUE_JOBS, PHONE_PREFIXES, SERVICE_PROFILES,
  type Lang, type ServiceProfile,
} from './vocab';

export interface Customer {
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  origin: string;
  destination: string;
  profile: ServiceProfile;
  volume: number;
  /** Our quoted price for the job (EUR or CHF), rounded like a rep would. */
  price: number;
  currency: string;
}

const SERVICE_TYPE_WEIGHTS: readonly (readonly [string, number])[] = [
  ['moving', 70], ['office_moving', 11], ['storage', 10], ['cleaning', 9],
];

const ASCII: Record<string, string> = { đ: 'dj', ü: 'ue', ö: 'oe', ä: 'ae', ß: 'ss', ı: 'i', ł: 'l', "'": '', ' ': '' };

/** "Đorđević" -> "djordjevic", "van den Berg" -> "vandenberg": how people spell themselves in an address. */
function asciiLower(value: string): string {
  return value.toLowerCase().replace(/[đüöäßıł' ]/g, (c) => ASCII[c] ?? c).normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

export function makeEmail(rng: Rng, first: string, last: string, lang: Lang): string {
  const f = asciiLower(first);
  const l = asciiLower(last);
  const local = rng.pick([`${f}.${l}`, `${f}${l}`, `${f[0]}.${l}`, `${f}_${l}${rng.int(1, 99)}`, `${l}.${f}`, `${f}${rng.int(70, 99)}`]);
  return `${local}@${rng.pick(EMAIL_DOMAINS[lang])}`;
}

export function makePhone(rng: Rng, lang: Lang): string {
  const prefix = rng.pick(PHONE_PREFIXES[lang]);
  const digits = String(rng.int(1_000_000, 9_999_999));
  return rng.pick([`${prefix} ${digits}`, `${prefix} ${digits.slice(0, 3)} ${digits.slice(3)}`,
    `${prefix.replace(/\s/g, '')}${digits}`, `${prefix}/${digits}`]);
}

function spelled(rng: Rng, city: string): string {
  const variants = CITY_SPELLINGS[city];
  return variants && rng.chance(0.3) ? rng.pick(variants) : city;
}

export function makeCustomer(rng: Rng, lang: Lang, options: { lowValue?: boolean } = {}): Customer {
  const firstName = rng.pick(FIRST_NAMES[lang]);
  const lastName = rng.pick(LAST_NAMES[lang]);
  const profile = options.lowValue
    ? rng.pick(LOW_VALUE_JOBS)
    : rng.pick(SERVICE_PROFILES[rng.weighted(SERVICE_TYPE_WEIGHTS)]);
  const origin = rng.pick(CITIES[lang]);
  // Most moves are local or regional; cleaning and storage happen in one place.
  const local = profile.type === 'cleaning' || profile.type === 'storage' || rng.chance(0.45);
  const destination = local ? origin : rng.pick(CITIES[lang]);
  const distanceFactor = origin === destination ? rng.real(0.85, 1.1) : rng.real(1.2, 2.1);
  const step = profile.base < 300 ? 5 : 50;
  const price = Math.max(step, Math.round((profile.base * distanceFactor) / step) * step);
  const swiss = origin.startsWith('Zür') || destination.startsWith('Zür');
  return {
    firstName,
    lastName,
    email: makeEmail(rng, firstName, lastName, lang),
    phone: makePhone(rng, lang),
    origin: spelled(rng, origin),
    destination: spelled(rng, destination),
    profile,
    volume: Math.max(0, Math.round(profile.volume * rng.real(0.8, 1.25))),
    price,
    currency: swiss && rng.chance(0.5) ? 'CHF' : 'EUR',
  };
}
