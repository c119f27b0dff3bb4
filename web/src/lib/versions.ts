/** Saved versions of a ruleset or a prompt (server/modules/versions): shared by the Rules and Prompts pages. */
import { errorMessage } from './api.ts';
import { dateTime } from './format.ts';

export interface VersionSummary {
  id: string;
  name: string;
  version: number;
  content_hash: string;
  author: string | null;
  message: string | null;
  created_at: string;
}

export interface VersionWithFiles extends VersionSummary {
  files: Record<string, string>;
}

export interface SavedVersion extends VersionSummary {
  created: boolean;
}

export function versionLabel(v: VersionSummary): string {
  return `v${v.version} · ${v.message ?? 'no message'} (${v.author ?? 'unknown'}, ${dateTime(v.created_at)})`;
}

export function sameFiles(a: Record<string, string>, b: Record<string, string>): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => b[k] === a[k]);
}

/** Calls fn at most once per `ms` of quiet: the editor's validate/preview rhythm. */
export function debounced<A extends unknown[]>(fn: (...args: A) => void, ms: number): ((...args: A) => void) & { cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const call = (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
  call.cancel = () => clearTimeout(timer);
  return call;
}

export type SaveNote = { ok: boolean; text: string };

/**
 * Saves the draft files as a new version and reloads the list: what the Rules and Prompts pages
 * show after "Save version" (`saved` is absent when the save failed; `note` says why).
 */
export async function saveVersion(
  api: { save(files: Record<string, string>, message: string): Promise<SavedVersion>; versions(): Promise<VersionSummary[]> },
  files: Record<string, string>,
  message: string,
): Promise<{ note: SaveNote; saved?: { versions: VersionSummary[]; base: VersionWithFiles } }> {
  try {
    const saved = await api.save(files, message);
    const versions = await api.versions();
    const note = { ok: true, text: saved.created ? `Saved as v${saved.version}.` : `Nothing new: identical to v${saved.version}.` };
    return { note, saved: { versions, base: { ...saved, files } } };
  } catch (e) {
    return { note: { ok: false, text: errorMessage(e) } };
  }
}

/** A new AbortSignal per call that aborts the previous one: only the latest validation counts. */
export function latestOnly(): () => AbortSignal {
  let controller: AbortController | null = null;
  return () => {
    controller?.abort();
    controller = new AbortController();
    return controller.signal;
  };
}
