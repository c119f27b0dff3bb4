/**
 * The OpenAI-compatible model servers the workspace is configured with (promptfoo providers in
 * releases and evaluation runs), and whether each answers. The check is bounded and can only reach
 * the company's own machines: the host must resolve to loopback or a private address (never
 * link-local, so no cloud metadata endpoint), the connection goes to that checked address (no
 * second DNS answer in between), one GET of `<base>/models`, no redirects followed, short timeout.
 */
import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { isExternal, ProviderConfig } from './provider-config.ts';

export const SERVER_CHECK_TIMEOUT_MS = 1500;
export const MAX_SERVERS_CHECKED = 10;

export interface ConfiguredServer {
  provider_id: string;
  base_url: string;
  /** Where it is configured: "release #3 (production)", "2 evaluation runs". */
  used_by: string[];
  /** Points at loopback or a private network by its URL (what the pipeline calls in-house). */
  private: boolean;
}

export function baseUrlOf(config: ProviderConfig): string | null {
  if (config.type !== 'promptfoo') return null;
  const c = config.config as Record<string, unknown>;
  const base = [c.apiBaseUrl, c.baseUrl, c.url, c.host].find((v) => typeof v === 'string');
  return typeof base === 'string' ? base : null;
}

/** One entry per (provider id, base URL), from provider configs with where each is used. */
export function collectServers(uses: { provider: unknown; where: string }[]): ConfiguredServer[] {
  const byKey = new Map<string, ConfiguredServer>();
  for (const use of uses) {
    const parsed = ProviderConfig.safeParse(use.provider);
    if (!parsed.success) continue;
    const base = baseUrlOf(parsed.data);
    if (!base || parsed.data.type !== 'promptfoo') continue;
    const key = `${parsed.data.id}\0${base}`;
    const entry = byKey.get(key) ?? { provider_id: parsed.data.id, base_url: base, used_by: [], private: !isExternal(parsed.data) };
    if (!entry.used_by.includes(use.where)) entry.used_by.push(use.where);
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => a.base_url.localeCompare(b.base_url));
}

/** Loopback and private ranges only (RFC 1918, IPv6 unique local); link-local and public are out. */
export function isPrivateAddress(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) {
    const [a, b] = v4.split('.').map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
  }
  if (isIP(address) === 6) {
    const lower = address.toLowerCase();
    return lower === '::1' || /^f[cd][0-9a-f]{2}:/.test(lower);
  }
  return false;
}

export interface ServerCheck {
  answers: boolean;
  status: number | null;
  ms: number;
  /** Why it does not answer, or why it was not checked. */
  error: string | null;
  checked: boolean;
}

function getOnce(url: URL, address: string, family: number, timeoutMs: number): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, {
      timeout: timeoutMs,
      // Connect to the address that was checked, whatever DNS says a moment later.
      lookup: (_host, opts, cb) => {
        // Node asks for all addresses when it races IPv4 and IPv6 (autoSelectFamily).
        const reply = cb as (e: Error | null, a: string | { address: string; family: number }[], f?: number) => void;
        if ((opts as { all?: boolean }).all) reply(null, [{ address, family }]);
        else reply(null, address, family);
      },
      headers: { accept: 'application/json' },
    }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
  });
}

export async function checkServer(baseUrl: string, timeoutMs = SERVER_CHECK_TIMEOUT_MS): Promise<ServerCheck> {
  const started = performance.now();
  const done = (c: Omit<ServerCheck, 'ms'>): ServerCheck => ({ ...c, ms: Math.round(performance.now() - started) });
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return done({ answers: false, status: null, error: 'not a URL', checked: false });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return done({ answers: false, status: null, error: `not checked: ${url.protocol} is not http(s)`, checked: false });
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let resolved: { address: string; family: number }[];
  try {
    resolved = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch (e) {
    return done({ answers: false, status: null, error: `host does not resolve: ${(e as Error).message}`, checked: true });
  }
  if (!resolved.length || !resolved.every((r) => isPrivateAddress(r.address))) {
    return done({ answers: false, status: null, error: 'not checked: the host is not a loopback or private address', checked: false });
  }
  const target = new URL(`${url.href.replace(/\/+$/, '')}/models`);
  try {
    const status = await getOnce(target, resolved[0].address, resolved[0].family, timeoutMs);
    return done({ answers: true, status, error: status >= 200 && status < 300 ? null : `answered HTTP ${status}`, checked: true });
  } catch (e) {
    return done({ answers: false, status: null, error: (e as Error).message, checked: true });
  }
}
