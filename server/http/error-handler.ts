/**
 * Turns every error into `application/problem+json` (CONTRACTS.md section 5).
 * Validation errors name each bad field; internal errors say nothing about internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { CONNECTION_RETRY_AFTER_S, isConnectionError } from '../db/connection-errors.ts';
import { csvReadError } from './csv-errors.ts';
import { AppError, problemType, type Problem } from './errors.ts';

export function sendProblem(reply: FastifyReply, problem: Problem, headers: Record<string, string> = {}) {
  return reply.status(problem.status).headers(headers).type('application/problem+json').send(problem);
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error.cause ?? error }, error.detail);
      // A 503 always says when to come back.
      const headers = error.status === 503 && !error.headers['Retry-After'] ? { ...error.headers, 'Retry-After': String(CONNECTION_RETRY_AFTER_S) } : error.headers;
      return sendProblem(
        reply,
        { type: problemType(error.kind), title: error.title, status: error.status, detail: error.detail, ...error.extra },
        headers,
      );
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const errors = error.validation.map((v) => {
        const where = `${error.validationContext ?? 'body'}${v.instancePath ? v.instancePath.replace(/\//g, '.') : ''}`;
        return `${where}: ${v.message}`;
      });
      return sendProblem(reply, {
        type: problemType('validation'),
        title: 'Invalid request',
        status: 400,
        detail: errors.join('; '),
        errors,
      });
    }
    // A CSV nobody caught on its way (every CSV route converts its own; this is the safety net).
    const unreadableCsv = csvReadError(error);
    if (unreadableCsv) return sendProblem(reply, { type: problemType('bad_request'), title: 'Bad request', status: 400, detail: unreadableCsv.detail });
    // The database went away (restart, failover): retry shortly. Logged, never a 500.
    if (isConnectionError(error)) {
      request.log.warn({ err: error }, 'database connection lost during a request');
      return sendProblem(
        reply,
        { type: problemType('unavailable'), title: 'Service unavailable', status: 503, detail: 'The database connection was lost; try again in a moment.' },
        { 'Retry-After': String(CONNECTION_RETRY_AFTER_S) },
      );
    }
    // A unique constraint lost to a concurrent request: the caller can retry or pick another name.
    if ((error as { code?: string }).code === '23505') {
      return sendProblem(reply, {
        type: problemType('conflict'),
        title: 'Conflict',
        status: 409,
        detail: 'This conflicts with a change made at the same time; reload and try again.',
      });
    }
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendProblem(reply, {
        type: problemType('internal'),
        title: 'Internal server error',
        status: 500,
        detail: 'The server failed to handle this request; it has been logged.',
      });
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type): their messages are safe.
    return sendProblem(reply, {
      type: problemType(error.code ?? 'client-error'),
      title: status === 413 ? 'Payload too large' : status === 415 ? 'Unsupported media type' : 'Bad request',
      status,
      detail: error.message,
    });
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, {
      type: problemType('not_found'),
      title: 'Not found',
      status: 404,
      detail: `No route ${request.method} ${request.url.split('?')[0]}`,
    }),
  );
}
