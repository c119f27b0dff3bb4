/**
 * The one way the UI talks to the server: fetch with the bearer token from localStorage.
 * Errors (application/problem+json, network failures) become an ApiError whose message is
 * readable as is, so pages can show `error.message` without knowing the problem format.
 */

const TOKEN_KEY = 'rekindle.token';

export function getToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: string[];
  /** Grounding issues (422 from the review endpoint). */
  issues?: { kind: string; text: string; explanation: string }[];
  [extra: string]: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(status: number, problem: Problem) {
    super(describeProblem(status, problem));
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

function describeProblem(status: number, p: Problem): string {
  if (status === 0) return p.detail ?? 'Could not reach the server.';
  const title = p.title ?? `Request failed (${status})`;
  if (status === 401) return p.detail ? `Not signed in: ${p.detail}` : 'Not signed in, or the token is no longer valid.';
  if (status === 403) return p.detail ?? 'Your role may not do this.';
  return p.detail ? `${title}: ${p.detail}` : title;
}

/** Fired when the server says the stored token is not (or no longer) valid. */
export const UNAUTHORIZED_EVENT = 'rekindle:unauthorized';

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  method?: string;
  query?: Query;
  /** JSON body (serialised here). */
  json?: unknown;
  /** Raw body (a File streams as is) with its content type. */
  body?: BodyInit;
  contentType?: string;
  /** Use this token instead of the stored one (sign-in checks a token before storing it). */
  token?: string;
  signal?: AbortSignal;
}

export function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}${path.includes('?') ? '&' : '?'}${s}` : path;
}

export async function api<T = unknown>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = options.token ?? getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  let body: BodyInit | undefined = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] = 'application/json';
  } else if (options.contentType) {
    headers['content-type'] = options.contentType;
  }

  let res: Response;
  try {
    res = await fetch(withQuery(path, options.query), { method: options.method ?? 'GET', headers, body, signal: options.signal });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'Could not reach the server. Is it running?' });
  }

  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const problem: Problem = data && typeof data === 'object' ? (data as Problem) : { title: res.statusText, detail: text.slice(0, 300) || undefined };
    if (res.status === 401 && !options.token) window.dispatchEvent(new CustomEvent(UNAUTHORIZED_EVENT));
    throw new ApiError(res.status, problem);
  }
  if (data === undefined && text) throw new ApiError(res.status, { title: 'Unexpected response', detail: 'The server did not answer with JSON.' });
  return data as T;
}

export function errorMessage(e: unknown): string {
  if (e instanceof Error) return e.message;
  return String(e);
}
