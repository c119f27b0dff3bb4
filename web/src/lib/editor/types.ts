/**
 * Plain shapes the code editor takes (no CodeMirror types), so pages and their completion logic
 * stay out of the lazily loaded editor chunk.
 */

/** A problem at a 1-based line/column of the document; no line means the whole file. */
export interface LineDiagnostic {
  line?: number;
  column?: number;
  message: string;
  severity?: 'error' | 'warning' | 'info';
}

export interface PlainCompletion {
  label: string;
  /** CodeMirror completion type: variable, function, keyword, ... (sets the icon). */
  type?: string;
  detail?: string;
  info?: string;
  /** Text to insert instead of the label. */
  apply?: string;
  /** A CodeMirror snippet template (`signal("${name}")`); wins over `apply`. */
  snippet?: string;
  boost?: number;
}

export interface CompletionQuery {
  /** The current line up to the cursor. */
  lineBefore: string;
  /** The rest of the current line after the cursor. */
  lineAfter: string;
  /** Up to 40 lines above the current one, nearest last. */
  linesAbove: string[];
  /** Absolute cursor position. */
  pos: number;
  /** Whether the user asked explicitly (Ctrl-Space). */
  explicit: boolean;
}

export interface CompletionAnswer {
  /** Absolute position where the replaced word starts. */
  from: number;
  options: PlainCompletion[];
  validFor?: RegExp;
}

export type CompleteFn = (query: CompletionQuery) => CompletionAnswer | null;

/** What the editor component exposes to its page. */
export interface EditorHandle {
  /** Shows a document; each key keeps its own undo history while its text is unchanged from outside. */
  show(key: string, text: string): void;
  setDiagnostics(list: LineDiagnostic[]): void;
  /** Replaces the selection with text and focuses the editor. */
  insert(text: string): void;
  gotoLine(line: number): void;
  focus(): void;
  destroy(): void;
}
