/**
 * Checks every request's parsed params, query and JSON body for strings the database cannot store
 * (NUL, unpaired surrogates): a 400 naming each field, before validation or any handler runs.
 * Streamed bodies (imports) are checked line by line by the lead schema instead.
 */
import type { FastifyInstance } from 'fastify';
import { describeUnstorable, findUnstorableStrings } from '../domain/unstorable-strings.ts';
import { AppError } from './errors.ts';

export function registerInputChecks(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const found = [
      ...findUnstorableStrings(request.params, 'params'),
      ...findUnstorableStrings(request.query, 'query'),
      ...findUnstorableStrings(request.body, 'body'),
    ];
    if (found.length) {
      const errors = describeUnstorable(found);
      throw new AppError('bad_request', errors.join('; '), { errors });
    }
  });
}
