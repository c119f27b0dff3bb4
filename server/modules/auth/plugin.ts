/**
 * Authentication and role checks for every route but the public ones.
 * A route declares `config: { roles: [...] }`; no roles declared means the route is refused to
 * everyone (fail closed), so a forgotten declaration can never open a route.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../http/errors.ts';
import type { Principal, Role } from './roles.ts';
import { authenticate } from './tokens.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    roles?: readonly Role[];
    public?: boolean;
    /** Also accept the token as `?access_token=` (server-sent events: EventSource sends no headers). */
    sseToken?: boolean;
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/**
 * THE role check. Admin is a superset of every role: it passes any route that declares roles.
 * A route that declares none stays closed to everyone, admin included (fail closed). The
 * four-eyes rule is not a role rule: it compares persons, in the release service.
 */
export function mayUse(role: Role, allowed: readonly Role[]): boolean {
  if (allowed.length === 0) return false;
  return role === 'admin' || allowed.includes(role);
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'Authentication required.');
  return request.principal;
}

/** Request log lines without `access_token=` values in the URL (the SSE route accepts one). */
export function scrubAccessToken(url: string): string {
  return url.replace(/([?&]access_token=)[^&#]*/gi, '$1[redacted]');
}

export const logSerializers = {
  req: (req: { method?: string; url?: string; hostname?: string; ip?: string; socket?: { remotePort?: number } }) => ({
    method: req.method,
    url: req.url ? scrubAccessToken(req.url) : req.url,
    host: req.hostname,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
};

/**
 * Marks every route registered in this plugin context (and its children) public. Used to wrap
 * plugins whose routes are public by nature (the API docs, the static web UI): the declaration is
 * made where the routes are registered, never guessed from the request's URL.
 */
export function declarePublicRoutes(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...(route.config ?? {}), public: true };
  });
}

export function registerAuth(app: FastifyInstance, adminToken: string | undefined): void {
  app.decorateRequest('principal', null);
  // Authentication and roles are decided from the MATCHED route's own declaration, never from the
  // request's URL text: the router decodes and matches `/%61pi/tokens` as `/api/tokens`, so any
  // check on the raw URL can be bypassed by spelling the path differently. A request that matched
  // no route runs only the not-found handler; every matched route is checked unless it was
  // declared public.
  app.addHook('onRequest', async (request) => {
    if (request.is404) return;
    const config = request.routeOptions.config;
    if (config.public === true) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    const queryToken = config.sseToken ? (request.query as Record<string, unknown> | undefined)?.access_token : undefined;
    const token = match?.[1] ?? (typeof queryToken === 'string' && queryToken ? queryToken : undefined);
    if (!token) {
      throw new AppError('unauthorized', 'Send "Authorization: Bearer <token>".', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    const principal = await authenticate(app.db, token, adminToken);
    if (!principal) {
      throw new AppError('unauthorized', 'The token is unknown or revoked.', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    request.principal = principal;
    const allowed = config.roles ?? [];
    if (!mayUse(principal.role, allowed)) {
      throw new AppError('forbidden', `The ${principal.role} role may not do this (allowed: ${allowed.join(', ') || 'none'}).`);
    }
  });
}
