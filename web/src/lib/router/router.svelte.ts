/**
 * A tiny history router. `route` is reactive ($state): pages read `route.path` and `route.query`.
 * Same-origin <a href="/..."> clicks are intercepted globally, so plain links navigate
 * without a reload; /api and /docs links are left to the browser. The server answers every
 * other path with index.html (server/app.ts), so deep links and reloads work.
 */

class RouteState {
  path = $state(location.pathname);
  search = $state(location.search);
  query = $derived(new URLSearchParams(this.search));
}

export const route = new RouteState();

function sync(): void {
  route.path = location.pathname;
  route.search = location.search;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  const url = new URL(to, location.href);
  if (url.pathname === location.pathname && url.search === location.search && url.hash === location.hash) return;
  const pathChanged = url.pathname !== location.pathname;
  if (options.replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  sync();
  if (pathChanged && !options.replace) window.scrollTo(0, 0);
}

/** Replaces some query parameters of the current URL (empty values are removed). */
export function setQuery(values: Record<string, string | number | null | undefined>, options: { replace?: boolean } = { replace: true }): void {
  const params = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === null || v === '') params.delete(k);
    else params.set(k, String(v));
  }
  const s = params.toString();
  navigate(`${location.pathname}${s ? `?${s}` : ''}`, options);
}

/** Matches `/datasets/:id/leads/:leadId` against a path; returns the decoded params or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const p = pattern.split('/').filter(Boolean);
  const s = path.split('/').filter(Boolean);
  if (p.length !== s.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      try {
        params[p[i].slice(1)] = decodeURIComponent(s[i]);
      } catch {
        return null;
      }
    } else if (p[i] !== s[i]) {
      return null;
    }
  }
  return params;
}

/** Builds a path from segments, encoding each: path('datasets', id, 'leads', leadId). */
export function path(...segments: string[]): string {
  return `/${segments.map(encodeURIComponent).join('/')}`;
}

/**
 * A page with unsaved work sets a guard: a link click that would leave it asks first (returns
 * false to stay). Reloads and closing the tab are the page's own `beforeunload`.
 */
let leaveGuard: ((to: string) => boolean) | null = null;
export function setLeaveGuard(guard: ((to: string) => boolean) | null): void {
  leaveGuard = guard;
}

function onClick(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element | null)?.closest?.('a');
  if (!a || !a.href || (a.target && a.target !== '_self') || a.hasAttribute('download') || a.dataset.native !== undefined) return;
  const url = new URL(a.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/') || url.pathname.startsWith('/docs')) return;
  event.preventDefault();
  if (leaveGuard && url.pathname !== location.pathname && !leaveGuard(url.pathname)) return;
  navigate(url.pathname + url.search + url.hash);
}

let started = false;
export function startRouter(): void {
  if (started) return;
  started = true;
  window.addEventListener('popstate', () => {
    // Back/forward away from a page with unsaved work: ask, and stay (restore its URL) if told to.
    if (leaveGuard && location.pathname !== route.path && !leaveGuard(location.pathname)) {
      history.pushState(null, '', route.path + route.search);
      return;
    }
    sync();
  });
  document.addEventListener('click', onClick);
}
