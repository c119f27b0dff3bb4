/**
 * Errors as plain data, to cross a thread boundary and come back as what the error handler
 * knows: an AppError keeps its kind, detail, extra members and headers (a 4xx stays the same
 * 4xx); any other error keeps its message and the database's code and detail (a lost
 * connection is still a 503, a unique violation still a 409).
 */
import { AppError, PROBLEM_KINDS, type ProblemKind } from '../../http/errors.ts';

export type PlainError =
  | { app: true; kind: ProblemKind; detail: string; extra: Record<string, unknown>; headers: Record<string, string> }
  | { app: false; name: string; message: string; code?: string; detail?: string; constraint?: string };

export function toPlainError(error: unknown): PlainError {
  if (error instanceof AppError) return { app: true, kind: error.kind, detail: error.detail, extra: structuredCloneable(error.extra), headers: error.headers };
  const e = (error ?? {}) as { name?: unknown; message?: unknown; code?: unknown; detail?: unknown; constraint?: unknown };
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { app: false, name: text(e.name) ?? 'Error', message: text(e.message) ?? String(error), code: text(e.code), detail: text(e.detail), constraint: text(e.constraint) };
}

export function fromPlainError(plain: PlainError): Error {
  if (plain.app && plain.kind in PROBLEM_KINDS) return new AppError(plain.kind, plain.detail, plain.extra, plain.headers);
  if (plain.app) return new Error(plain.detail);
  const error = Object.assign(new Error(plain.message), { code: plain.code, detail: plain.detail, constraint: plain.constraint });
  error.name = plain.name;
  return error;
}

/** Extra members are JSON in a problem document anyway: what JSON keeps is what crosses. */
function structuredCloneable(extra: Record<string, unknown>): Record<string, unknown> {
  try {
    return JSON.parse(JSON.stringify(extra)) as Record<string, unknown>;
  } catch {
    return {};
  }
}
