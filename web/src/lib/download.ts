/**
 * Downloads a file from an API route that needs the bearer token (a plain link cannot send it):
 * fetch it, then save the Blob through a temporary object URL.
 */
import { ApiError, getToken, withQuery, type Problem } from './api.ts';

export async function downloadFile(path: string, query: Record<string, string | number | null | undefined>, fallbackName: string): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(withQuery(path, query), { headers: token ? { authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiError(0, { detail: 'Could not reach the server. Is it running?' });
  }
  if (!res.ok) {
    let problem: Problem = { title: res.statusText };
    try {
      problem = await res.json();
    } catch {
      /* not JSON */
    }
    throw new ApiError(res.status, problem);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.dataset.native = '';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
