/**
 * parseRulesetFiles: files map -> validated Ruleset, or every error found (file, rule id,
 * line/column, what is wrong). The files map itself is the canonical form, so
 * rulesetToFiles(parse(files)) returns exactly the same texts.
 */
import { createHash } from 'node:crypto';
import { isMap, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { RulesetFile, type RulesetSettings } from './schema.ts';
import type { RuleDefinition, Ruleset, RulesetError, RulesetResult, ScenarioDefinition, SignalDefinition, SourceText } from './types.ts';
import { nodeAt, positionOf, scalarValueOffset } from './yaml-positions.ts';
import { checkRulesetExpressions } from './compile.ts';
import { checkRuleShape } from './rule-checks.ts';
import { describeYamlErrors } from './yaml-errors.ts';
import { isCorpusPath, parseIntentCorpus } from '../text/corpus.ts';

export const RULESET_FILE = /\.ya?ml$/i;

// The intent corpus is most of a ruleset's YAML and rarely changes while rules are edited: its
// parse is kept by the corpus files' content hash (the corpus object is never mutated).
const corpora = new Map<string, ReturnType<typeof parseIntentCorpus>>();
function corpusOf(files: Readonly<Record<string, string>>): ReturnType<typeof parseIntentCorpus> {
  const corpusFiles: Record<string, string> = {};
  for (const p of Object.keys(files)) if (isCorpusPath(p)) corpusFiles[p] = files[p];
  const key = contentHash(corpusFiles);
  let parsed = corpora.get(key);
  if (!parsed) {
    parsed = parseIntentCorpus(corpusFiles);
    if (corpora.size >= 8) corpora.delete(corpora.keys().next().value!);
    corpora.set(key, parsed);
  }
  return parsed;
}

/** sha256 over the sorted paths and contents; the version id of a ruleset. */
export function contentHash(files: Readonly<Record<string, string>>): string {
  const h = createHash('sha256');
  for (const path of Object.keys(files).sort()) h.update(path).update('\0').update(files[path]).update('\0');
  return h.digest('hex');
}

export function rulesetToFiles(ruleset: Ruleset): Record<string, string> {
  return { ...ruleset.files };
}

interface ParsedFile { path: string; source: string; doc: Document; lines: LineCounter }

function sourceText(f: ParsedFile, path: (string | number)[], text: string): SourceText {
  return {
    text,
    file: f.path,
    path: path.join('.'),
    locate: (pos) => {
      const node = nodeAt(f.doc, path);
      return positionOf(f.lines, node ? scalarValueOffset(f.source, node, pos) : 0);
    },
  };
}

function errorAt(f: ParsedFile, path: readonly PropertyKey[], message: string, extra: Partial<RulesetError> = {}): RulesetError {
  const node: Node | null = nodeAt(f.doc, path);
  const pos = positionOf(f.lines, node?.range?.[0] ?? 0);
  return { file: f.path, ...pos, path: path.map(String).join('.'), message, ...extra };
}

export function parseRulesetFiles(files: Readonly<Record<string, string>>): RulesetResult {
  const errors: RulesetError[] = [];
  const rules: RuleDefinition[] = [];
  const signals: SignalDefinition[] = [];
  const scenarios: ScenarioDefinition[] = [];
  let settings: Ruleset['settings'] | null = null;
  const ruleIds = new Map<string, string>();

  for (const path of Object.keys(files).sort()) {
    if (!RULESET_FILE.test(path)) continue; // READMEs and notes travel with the files, unparsed
    if (isCorpusPath(path)) continue; // the intent corpus (intents/<lang>.yaml), parsed below
    const lines = new LineCounter();
    const doc = parseDocument(files[path], { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
    const f: ParsedFile = { path, source: files[path], doc, lines };
    if (doc.errors.length) {
      for (const e of describeYamlErrors(files[path], doc.errors, (o) => lines.linePos(o))) errors.push({ file: path, ...e });
      continue;
    }
    const raw = doc.toJS() ?? {};
    const parsed = RulesetFile.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const ruleId = issue.path[0] === 'rules' ? (raw?.rules?.[issue.path[1] as number]?.id as string | undefined) : undefined;
        const signal = issue.path[0] === 'signals' ? String(issue.path[1]) : undefined;
        errors.push(errorAt(f, issue.path, issue.message, { rule_id: typeof ruleId === 'string' ? ruleId : undefined, signal }));
      }
      continue;
    }
    const file = parsed.data;
    if (file.ruleset) {
      if (settings) errors.push(errorAt(f, ['ruleset'], `settings already defined in ${settings.file}`));
      else settings = withSettingsSource(f, file.ruleset);
    }
    for (const [name, spec] of Object.entries(file.signals ?? {})) {
      const dup = signals.find((s) => s.name === name);
      if (dup) errors.push(errorAt(f, ['signals', name], `signal ${name} already defined in ${dup.file}`, { signal: name }));
      else signals.push({ ...spec, name, file: path, line: positionOf(lines, nodeAt(doc, ['signals', name])?.range?.[0] ?? 0).line });
    }
    const seq = doc.get('rules', true);
    (file.rules ?? []).forEach((spec, i) => {
      const base = ['rules', i];
      const other = ruleIds.get(spec.id);
      if (other) errors.push(errorAt(f, [...base, 'id'], `rule id ${spec.id} already used in ${other}`, { rule_id: spec.id }));
      ruleIds.set(spec.id, path);
      for (const problem of checkRuleShape(spec)) errors.push(errorAt(f, [...base, problem.field], problem.message, { rule_id: spec.id }));
      const itemNode = isSeq(seq) ? (seq.items[i] as Node | undefined) : undefined;
      rules.push({
        ...spec,
        file: path,
        line: positionOf(lines, itemNode?.range?.[0] ?? 0).line,
        source: {
          when: sourceText(f, [...base, 'when'], spec.when),
          recontact_after: spec.recontact_after ? sourceText(f, [...base, 'recontact_after'], spec.recontact_after) : undefined,
          explain: spec.explain ? sourceText(f, [...base, 'explain'], spec.explain) : undefined,
        },
      });
    });
    const scenarioSeq = doc.get('scenarios', true);
    (file.scenarios ?? []).forEach((spec, i) => {
      const node = isSeq(scenarioSeq) ? (scenarioSeq.items[i] as Node | undefined) : undefined;
      if (scenarios.some((s) => s.name === spec.name)) errors.push(errorAt(f, ['scenarios', i, 'name'], `scenario "${spec.name}" is already defined: give each scenario its own name`));
      scenarios.push({ ...spec, file: path, line: positionOf(lines, node?.range?.[0] ?? 0).line });
    });
    if (!isMap(doc.contents) && doc.contents !== null) errors.push(errorAt(f, [], 'a ruleset file must be a mapping'));
  }
  const { corpus, errors: corpusErrors } = corpusOf(files);
  errors.push(...corpusErrors);
  if (!settings && errors.length === 0) {
    errors.push({ file: Object.keys(files).sort().find((p) => RULESET_FILE.test(p) && !isCorpusPath(p)) ?? '(no yaml files)', message: 'no file defines `ruleset:` settings (name, when_nothing_matches, ...)' });
  }
  if (errors.length || !settings) return { ok: false, errors };
  const ruleset: Ruleset = { files: { ...files }, hash: contentHash(files), settings, signals, rules, scenarios, intents: corpus };
  const exprErrors = checkRulesetExpressions(ruleset);
  return exprErrors.length ? { ok: false, errors: exprErrors } : { ok: true, ruleset };
}

function withSettingsSource(f: ParsedFile, s: RulesetSettings): Ruleset['settings'] {
  return {
    ...s,
    file: f.path,
    source: {
      when_nothing_matches: sourceText(f, ['ruleset', 'when_nothing_matches', 'explain'], s.when_nothing_matches.explain),
      below_threshold: s.below_threshold ? sourceText(f, ['ruleset', 'below_threshold', 'explain'], s.below_threshold.explain) : undefined,
    },
  };
}
