/**
 * "Needs a human read" (issue 10, item 5): the leads of a dataset whose customer texts the
 * production rules could not read with confidence (decided do_not_contact /
 * unread_customer_message, fail closed) or read only just above the threshold. A manager reads
 * the text and picks its intent; the label is stored and audited, the lead is decided again with
 * it, and the labelled text can become a corpus example in a new ruleset version (previewed and
 * released like any other edit).
 */
import type { Kysely } from 'kysely';
import { parseDocument } from 'yaml';
import type { DB } from '../../db/schema.ts';
import type { RuleDecision } from '../../domain/decision.ts';
import type { Lead } from '../../domain/lead.ts';
import { CORE_INTENTS, INTENT_DIR } from '../../domain/text/corpus.ts';
import { detectLanguage } from '../../domain/text/language.ts';
import type { TextLabels, TextReading } from '../../domain/text/understand.ts';
import { decideLead } from '../../pipeline/decide-lead.ts';
import { AppError } from '../../http/errors.ts';
import { findLead } from '../datasets/repository.ts';
import { resolveDataset } from '../datasets/service.ts';
import { suppressedInFeatureSet } from '../privacy/feature-set-suppression.ts';
import { currentProduction } from '../recommendations/production.ts';
import { featureSetFor } from '../rulesets/feature-cache.ts';
import { compiledVersion, DEFAULT_RULESET, saveRulesetVersion } from '../rulesets/service.ts';
import { findVersion, latestVersion } from '../versions/repository.ts';
import { currentTextLabels, saveTextLabel } from './labels.ts';
import { computeFeatures } from '../../domain/rules/index.ts';

export const LABEL_INTENTS: readonly string[] = CORE_INTENTS;

export interface HumanReadText {
  text_hash: string;
  activity_index: number;
  excerpt: string;
  language: string | null;
  language_supported: boolean;
  why: string;
  /** The engine's best guesses for the text's sentences: intent and calibrated score. */
  guesses: { intent: string; score: number }[];
  label: string | null;
}

export interface HumanReadItem {
  lead_id: string;
  decision: RuleDecision['decision'];
  reasons: RuleDecision['reasons'];
  /** unread: decided do_not_contact until a person reads it; near_threshold: read, but only just. */
  kind: 'unread' | 'near_threshold' | 'labelled';
  texts: HumanReadText[];
}

const WHY: Record<string, string> = {
  unsupported_language: 'written in a language the rules cannot read',
  low_confidence: 'the engine is not sure what it says',
  classifier_unavailable: 'no text classifier was available',
  no_known_words: 'no word the training corpus knows',
};

function toText(t: TextReading): HumanReadText {
  const guesses = new Map<string, number>();
  for (const s of t.sentences) for (const g of s.top.slice(0, 3)) guesses.set(g.intent, Math.max(guesses.get(g.intent) ?? 0, g.score));
  return {
    text_hash: t.text_hash ?? '',
    activity_index: t.activity_index,
    excerpt: t.excerpt,
    language: t.language,
    language_supported: t.language_supported,
    why: t.unread_reason ? WHY[t.unread_reason] ?? t.unread_reason : t.label ? 'read by a manager' : 'read only just above the confidence threshold',
    guesses: [...guesses].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([intent, score]) => ({ intent, score: Math.round(score * 1000) / 1000 })),
    label: t.label,
  };
}

/** A lead's entry in the list, or null when nothing in it needs a person. */
function itemOf(leadId: string, decision: RuleDecision): HumanReadItem | null {
  const texts = decision.texts;
  if (!texts) return null;
  const unread = texts.unread.filter((t) => t.text_hash);
  const near = texts.texts.filter((t) => t.text_hash && t.unanswered && t.near_threshold && !unread.includes(t));
  const labelled = texts.texts.filter((t) => t.text_hash && t.label !== null && !unread.includes(t) && !near.includes(t));
  const shown = [...unread, ...near, ...labelled];
  if (!shown.length) return null;
  return {
    lead_id: leadId,
    decision: decision.decision,
    reasons: decision.reasons,
    kind: unread.length ? 'unread' : near.length ? 'near_threshold' : 'labelled',
    texts: shown.map(toText),
  };
}

async function productionRuleset(db: Kysely<DB>) {
  const release = await currentProduction(db);
  return { release, compiled: (await compiledVersion(db, release.ruleset_version_id)).compiled };
}

export async function humanReadList(db: Kysely<DB>, datasetRef: string, options: { limit: number; offset: number; kind?: HumanReadItem['kind'] }) {
  const dataset = await resolveDataset(db, datasetRef);
  const { release, compiled } = await productionRuleset(db);
  const set = await featureSetFor(db, dataset.id, dataset.as_of);
  const [suppressed, labels] = await Promise.all([suppressedInFeatureSet(db, set), currentTextLabels(db)]);
  const items: HumanReadItem[] = [];
  set.leads.forEach((l, i) => {
    const item = itemOf(l.lead_id, decideLead(compiled, l.features, suppressed[i], { trace: 'compact', text_labels: labels }));
    if (item && (!options.kind || item.kind === options.kind)) items.push(item);
  });
  // Unread first (they block the lead), then near the threshold, then the ones already labelled.
  const order = { unread: 0, near_threshold: 1, labelled: 2 };
  items.sort((a, b) => order[a.kind] - order[b.kind] || a.lead_id.localeCompare(b.lead_id));
  const counts = { unread: 0, near_threshold: 0, labelled: 0 };
  for (const item of items) counts[item.kind]++;
  return {
    dataset_id: dataset.id,
    release_id: release.id,
    as_of: dataset.as_of,
    total: items.length,
    counts,
    intents: [...LABEL_INTENTS],
    items: items.slice(options.offset, options.offset + options.limit),
  };
}

/** The lead's decision as the production rules make it for this dataset, with the given labels. */
async function decideAgain(db: Kysely<DB>, datasetId: string, asOf: string, lead: Lead, labels: TextLabels) {
  const { compiled } = await productionRuleset(db);
  // The dataset's cached features (they include dataset-level facts such as duplicates).
  const set = await featureSetFor(db, datasetId, asOf);
  const i = set.leads.findIndex((l) => l.lead_id === lead.id);
  const features = i >= 0 ? set.leads[i].features : computeFeatures(lead, asOf);
  const suppressed = i >= 0 ? (await suppressedInFeatureSet(db, set))[i] : null;
  return decideLead(compiled, features, suppressed, { text_labels: labels });
}

async function readingOf(db: Kysely<DB>, datasetRef: string, leadId: string, textHash: string) {
  const dataset = await resolveDataset(db, datasetRef);
  const lead = await findLead(db, dataset.id, leadId);
  if (!lead) throw new AppError('not_found', `No lead ${leadId} in dataset ${dataset.name}.`);
  const labels = await currentTextLabels(db);
  const before = await decideAgain(db, dataset.id, dataset.as_of, lead, labels);
  const text = before.texts?.texts.find((t) => t.text_hash === textHash);
  if (!text) throw new AppError('not_found', `Lead ${leadId} has no customer text ${textHash} that needs reading.`, { errors: ['text_hash: not a text of this lead'] });
  return { dataset, lead, before, text };
}

export async function labelText(db: Kysely<DB>, input: { dataset_id: string; lead_id: string; text_hash: string; intent: string }, actor: string) {
  if (!LABEL_INTENTS.includes(input.intent)) {
    throw new AppError('bad_request', `intent: must be one of ${LABEL_INTENTS.join(', ')}`, { errors: [`intent: must be one of ${LABEL_INTENTS.join(', ')}`] });
  }
  const { dataset, lead, before } = await readingOf(db, input.dataset_id, input.lead_id, input.text_hash);
  await saveTextLabel(db, { lead_id: input.lead_id, text_hash: input.text_hash, intent: input.intent, dataset_id: dataset.id }, actor);
  const after = await decideAgain(db, dataset.id, dataset.as_of, lead, await currentTextLabels(db));
  return {
    lead_id: input.lead_id,
    text_hash: input.text_hash,
    intent: input.intent,
    before: { decision: before.decision, reasons: before.reasons },
    after: { decision: after.decision, reasons: after.reasons, priority: after.priority, recontact_after: after.recontact_after },
  };
}

/**
 * Adds a labelled text to the corpus of the latest default ruleset, as a new version. The text is
 * customer data: it enters the corpus only because a manager chose to add it, and the version's
 * message says so.
 */
export async function addLabelToCorpus(db: Kysely<DB>, input: { dataset_id: string; lead_id: string; text_hash: string; ruleset_version_id?: string }, actor: string) {
  const label = await db.selectFrom('text_labels').select('intent').where('lead_id', '=', input.lead_id).where('text_hash', '=', input.text_hash).executeTakeFirst();
  if (!label) throw new AppError('conflict', 'Label the text first; only a labelled text can become a corpus example.');
  const { lead, text } = await readingOf(db, input.dataset_id, input.lead_id, input.text_hash);
  const base = input.ruleset_version_id ? await findVersion(db, 'ruleset', input.ruleset_version_id) : await latestVersion(db, 'ruleset', DEFAULT_RULESET);
  if (!base) throw new AppError('not_found', 'No ruleset version to add the example to.');
  const language = (text.language ?? detectLanguage(text.excerpt).language ?? lead.contact?.language ?? 'en').slice(0, 2);
  const path = `${INTENT_DIR}${language}.yaml`;
  const files = { ...(base.files as Record<string, string>) };
  const doc = parseDocument(files[path] ?? `language: ${language}\nintents: {}\n`);
  const intents = doc.get('intents');
  if (!intents || typeof intents !== 'object') doc.set('intents', doc.createNode({}));
  const list = doc.getIn(['intents', label.intent]);
  const example = text.excerpt.replace(/\s+/g, ' ').trim();
  if (list && typeof (list as { items?: unknown[] }).items === 'object') {
    const items = (list as { items: { value?: unknown }[] }).items;
    if (items.some((i) => String((i as { value?: unknown }).value ?? i) === example)) throw new AppError('conflict', 'This text is already in the corpus.');
    doc.addIn(['intents', label.intent], example);
  } else {
    doc.setIn(['intents', label.intent], doc.createNode([example]));
  }
  files[path] = doc.toString();
  const saved = await saveRulesetVersion(db, base.name, files, actor, `Corpus: a manager-labelled ${label.intent} example (${language}) from lead ${input.lead_id}`);
  return { ruleset_version_id: saved.version.id, version: saved.version.version, file: path, intent: label.intent, language };
}
