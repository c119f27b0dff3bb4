/**
 * Unsaved ruleset drafts kept in this browser (localStorage) until saved or discarded, so a
 * reload, a closed tab or a navigation never loses an edit. One draft per ruleset name.
 */
export interface StoredDraft {
  /** The saved version the draft started from: a draft is only restored onto that version. */
  base_id: string;
  files: Record<string, string>;
  saved_at: string;
}

const key = (ruleset: string) => `rekindle.rules-draft.${ruleset}`;

export function loadDraft(ruleset: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key(ruleset));
    const d = raw ? (JSON.parse(raw) as StoredDraft) : null;
    return d && typeof d.base_id === 'string' && d.files && typeof d.files === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function storeDraft(ruleset: string, draft: Omit<StoredDraft, 'saved_at'>): void {
  try {
    localStorage.setItem(key(ruleset), JSON.stringify({ ...draft, saved_at: new Date().toISOString() }));
  } catch {
    // Storage full or disabled: the unsaved-changes guard still warns before leaving.
  }
}

export function clearDraft(ruleset: string): void {
  try {
    localStorage.removeItem(key(ruleset));
  } catch {
    /* nothing stored */
  }
}
