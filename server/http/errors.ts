/**
 * One error class for everything a route may refuse, with a closed set of kinds, turned into
 * `application/problem+json` by the error handler. Services throw these; they never build replies.
 */
export const PROBLEM_KINDS = {
  bad_request: { status: 400, title: 'Bad request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
} as const;

export type ProblemKind = keyof typeof PROBLEM_KINDS;

export class AppError extends Error {
  readonly status: number;
  readonly title: string;
  constructor(
    readonly kind: ProblemKind,
    readonly detail: string,
    /** Extra members of the problem document, e.g. `errors: [...]` naming each bad field. */
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
    this.name = 'AppError';
    this.status = PROBLEM_KINDS[kind].status;
    this.title = PROBLEM_KINDS[kind].title;
  }
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  [extra: string]: unknown;
}

export function problemType(kind: string): string {
  return `https://rekindle.dev/problems/${kind.replace(/_/g, '-')}`;
}
