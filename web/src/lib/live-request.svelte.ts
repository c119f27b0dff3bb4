/**
 * Requests that follow reactive state: rerun whenever what they read changes, the previous one
 * aborted, with `data`, `error` and `loading` to show. Call these during component setup.
 */
import { api, errorMessage, type RequestOptions } from './api.ts';
import type { Page } from './types.ts';

export interface LiveRequest<T> {
  readonly data: T | null;
  readonly error: string | null;
  readonly loading: boolean;
}

/**
 * `request` returns the call to make (given the abort signal), or null for none yet. On failure
 * the last data stays unless `clearOnError`; `ondata` hears every answer.
 */
export function liveRequest<T>(
  request: () => ((signal: AbortSignal) => Promise<T>) | null,
  options: { clearOnError?: boolean; ondata?: (data: T) => void } = {},
): LiveRequest<T> {
  let data = $state<T | null>(null);
  let error = $state<string | null>(null);
  let loading = $state(false);

  $effect(() => {
    const call = request();
    if (!call) return;
    const controller = new AbortController();
    loading = true;
    call(controller.signal)
      .then((d) => {
        data = d;
        error = null;
        options.ondata?.(d);
      })
      .catch((e) => {
        if ((e as Error).name !== 'AbortError') {
          error = errorMessage(e);
          if (options.clearOnError) data = null;
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) loading = false;
      });
    return () => controller.abort();
  });

  return {
    get data() {
      return data;
    },
    get error() {
      return error;
    },
    get loading() {
      return loading;
    },
  };
}

/** A page of a server list whose query lives in the URL; `generation` forces a reload. */
export function pagedList<T>(source: () => { url: string; query: RequestOptions['query']; generation?: number }): LiveRequest<Page<T>> {
  return liveRequest(() => {
    const { url, query } = source();
    return (signal) => api<Page<T>>(url, { query, signal });
  });
}
