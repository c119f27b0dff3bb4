/**
 * The CodeMirror 6 editor behind CodeEditor.svelte. Loaded lazily (its own chunk): only the
 * Rules and Prompts pages pull it in. Diagnostics come from the server (pushed with
 * setDiagnostics), completions from a plain function given by the page.
 */
import { basicSetup } from 'codemirror';
import { Annotation, EditorSelection, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { autocompletion, snippetCompletion, type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import type { CompleteFn, EditorHandle, LineDiagnostic } from './types.ts';

export interface EditorOptions {
  language: 'yaml' | 'markdown';
  label: string;
  onChange: (text: string) => void;
  complete?: CompleteFn;
}

/** Marks transactions made by the page (loading a file), which must not echo back as edits. */
const External = Annotation.define<boolean>();

function completionSource(complete: CompleteFn) {
  return (context: CompletionContext): CompletionResult | null => {
    const line = context.state.doc.lineAt(context.pos);
    const linesAbove: string[] = [];
    for (let n = Math.max(1, line.number - 40); n < line.number; n++) linesAbove.push(context.state.doc.line(n).text);
    const answer = complete({ lineBefore: line.text.slice(0, context.pos - line.from), lineAfter: line.text.slice(context.pos - line.from), linesAbove, pos: context.pos, explicit: context.explicit });
    if (!answer) return null;
    const options: Completion[] = answer.options.map((o) => {
      const base: Completion = { label: o.label, type: o.type, detail: o.detail, info: o.info, boost: o.boost };
      if (o.snippet) return snippetCompletion(o.snippet, base);
      return o.apply ? { ...base, apply: o.apply } : base;
    });
    return { from: answer.from, options, validFor: answer.validFor };
  };
}

function toDiagnostics(state: EditorState, list: LineDiagnostic[]): Diagnostic[] {
  const doc = state.doc;
  return list.map((d) => {
    const line = doc.line(Math.min(Math.max(d.line ?? 1, 1), doc.lines));
    const from = Math.min(line.from + Math.max((d.column ?? 1) - 1, 0), line.to);
    // Underline from the column to the end of the line (at least one character when there is one).
    const to = from < line.to ? line.to : Math.min(from + 1, doc.length);
    return { from, to: Math.max(to, from), severity: d.severity ?? 'error', message: d.message };
  });
}

const theme = EditorView.theme({
  '&': { fontSize: '13px', height: '100%', backgroundColor: 'var(--bg-elevated)' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.5' },
  '.cm-gutters': { backgroundColor: 'var(--bg-subtle)', borderRight: '1px solid var(--border)', color: 'var(--text-faint)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--bg-selected)' },
  '.cm-activeLine': { backgroundColor: 'rgb(43 95 217 / 4%)' },
  '&.cm-focused': { outline: 'none' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': { backgroundColor: 'var(--link)' },
});

/** Each language is its own chunk, loaded with the editor. */
async function languageSupport(language: EditorOptions['language']): Promise<Extension> {
  if (language === 'yaml') return (await import('@codemirror/lang-yaml')).yaml();
  return (await import('./markdown-language.ts')).markdown();
}

export async function createEditor(parent: HTMLElement, options: EditorOptions): Promise<EditorHandle> {
  const extensions: Extension[] = [
    basicSetup,
    await languageSupport(options.language),
    EditorView.lineWrapping,
    lintGutter(),
    theme,
    EditorView.contentAttributes.of({ 'aria-label': options.label }),
    EditorState.tabSize.of(2),
    EditorView.updateListener.of((update) => {
      if (!update.docChanged) return;
      if (update.transactions.every((tr) => tr.annotation(External))) return;
      options.onChange(update.state.doc.toString());
    }),
  ];
  if (options.complete) extensions.push(autocompletion({ override: [completionSource(options.complete)], activateOnTyping: true }));

  const states = new Map<string, EditorState>();
  let currentKey: string | null = null;
  let diagnostics: LineDiagnostic[] = [];
  const view = new EditorView({ parent, state: EditorState.create({ doc: '', extensions }) });

  function applyDiagnostics() {
    view.dispatch(setDiagnostics(view.state, toDiagnostics(view.state, diagnostics)));
  }

  return {
    show(key, text) {
      if (key === currentKey) {
        if (view.state.doc.toString() === text) return;
        // Changed from outside (another version loaded): replace the text, keep one undo step.
        view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, annotations: External.of(true) });
        applyDiagnostics();
        return;
      }
      if (currentKey !== null) states.set(currentKey, view.state);
      const kept = states.get(key);
      view.setState(kept && kept.doc.toString() === text ? kept : EditorState.create({ doc: text, extensions }));
      currentKey = key;
      applyDiagnostics();
    },
    setDiagnostics(list) {
      diagnostics = list;
      applyDiagnostics();
    },
    insert(text) {
      view.dispatch(view.state.replaceSelection(text));
      view.focus();
    },
    gotoLine(lineNumber) {
      const line = view.state.doc.line(Math.min(Math.max(lineNumber, 1), view.state.doc.lines));
      view.dispatch({ selection: EditorSelection.cursor(line.from), effects: EditorView.scrollIntoView(line.from, { y: 'start', yMargin: 40 }) });
      view.focus();
    },
    focus() {
      view.focus();
    },
    destroy() {
      view.destroy();
    },
  };
}
