/**
 * Live progress of an evaluation run: server-sent events from GET /api/evals/runs/:id/events.
 * EventSource cannot send an Authorization header, so the token goes as ?access_token=.
 */
import { getToken, withQuery } from './api.ts';
import type { EvalMetrics, RunStatus } from './types.ts';

export interface RunProgressEvent {
  status: RunStatus;
  done: number;
  total: number;
  eta_s: number | null;
}

export interface RunDoneEvent {
  status: RunStatus;
  error: string | null;
  metrics: EvalMetrics | null;
}

export interface RunWatchHandlers {
  onprogress?: (p: RunProgressEvent) => void;
  ondone?: (d: RunDoneEvent) => void;
  /** The stream broke; the browser retries on its own, this is for a "reconnecting" hint. */
  onerror?: (message: string) => void;
}

/** Opens the stream; returns the function that closes it. */
export function watchRun(runId: string, handlers: RunWatchHandlers): () => void {
  const url = withQuery(`/api/evals/runs/${encodeURIComponent(runId)}/events`, { access_token: getToken() });
  const source = new EventSource(url);
  let closed = false;
  const close = () => {
    closed = true;
    source.close();
  };
  source.addEventListener('progress', (e) => handlers.onprogress?.(JSON.parse((e as MessageEvent).data)));
  source.addEventListener('done', (e) => {
    close();
    handlers.ondone?.(JSON.parse((e as MessageEvent).data));
  });
  source.addEventListener('error', (e) => {
    if (closed) return;
    const data = (e as MessageEvent).data;
    if (data) {
      try {
        handlers.onerror?.(JSON.parse(data).detail ?? 'The progress stream failed.');
        return;
      } catch {
        /* fall through */
      }
    }
    handlers.onerror?.('Lost the progress stream; reconnecting…');
  });
  return close;
}
