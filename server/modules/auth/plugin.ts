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
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('unauthorized', 'Authentication required.');
  return request.principal;
}

export function registerAuth(app: FastifyInstance, adminToken: string | undefined): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    const config = request.routeOptions.config;
    if (config.public || request.is404 || !request.url.startsWith('/api/')) return;
    const header = request.headers.authorization ?? '';
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      throw new AppError('unauthorized', 'Send "Authorization: Bearer <token>".', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    const principal = await authenticate(app.db, match[1], adminToken);
    if (!principal) {
      throw new AppError('unauthorized', 'The token is unknown or revoked.', {}, { 'WWW-Authenticate': 'Bearer' });
    }
    request.principal = principal;
    const allowed = config.roles ?? [];
    if (!allowed.includes(principal.role)) {
      throw new AppError('forbidden', `The ${principal.role} role may not do this (allowed: ${allowed.join(', ') || 'none'}).`);
    }
  });
}
