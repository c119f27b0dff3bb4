/** Types of a parsed (not yet compiled) ruleset. */
import type { RuleSpec, RulesetSettings, ScenarioSpec, SignalSpec } from './schema.ts';
import type { FilePosition } from './yaml-positions.ts';
import type { IntentCorpus } from '../text/corpus.ts';

/** One problem in a ruleset, pointing at the file, rule and line/column. */
export interface RulesetError {
  file: string;
  rule_id?: string;
  signal?: string;
  line?: number;
  column?: number;
  /** YAML path, e.g. `rules.3.when`. */
  path?: string;
  message: string;
}

export function formatRulesetError(e: RulesetError): string {
  const where = e.line ? `${e.file}:${e.line}:${e.column ?? 1}` : e.file;
  const what = e.rule_id ? ` rule ${e.rule_id}` : e.signal ? ` signal ${e.signal}` : '';
  return `${where}${what}${e.path ? ` (${e.path})` : ''}: ${e.message}`;
}

/** A YAML string field with the means to point at a character inside it. */
export interface SourceText {
  text: string;
  file: string;
  path: string;
  /** File position of character `pos` of the text. */
  locate(pos: number): FilePosition;
}

export interface RuleDefinition extends RuleSpec {
  file: string;
  line: number;
  source: { when: SourceText; recontact_after?: SourceText; explain?: SourceText };
}

export interface SignalDefinition extends SignalSpec {
  name: string;
  file: string;
  line: number;
}

export interface Ruleset {
  /** The canonical form: relative path -> raw file text, exactly as imported. */
  files: Readonly<Record<string, string>>;
  /** sha256 of the files (contentHash). */
  hash: string;
  settings: RulesetSettings & { file: string; source: { below_threshold?: SourceText; when_nothing_matches: SourceText } };
  signals: SignalDefinition[];
  /** In file order (files sorted by path); the engine groups them by kind. */
  rules: RuleDefinition[];
  /** Test scenarios (pinned leads and the decision each must get), in file order. */
  scenarios: ScenarioDefinition[];
  /** The intent corpus (intents/<lang>.yaml), or null when the ruleset has none. */
  intents: IntentCorpus | null;
}

export interface ScenarioDefinition extends ScenarioSpec {
  file: string;
  line: number;
}

export type RulesetResult = { ok: true; ruleset: Ruleset } | { ok: false; errors: RulesetError[] };
