/**
 * The lead's free texts, folded once on the cold path so that signals (matched on the hot path,
 * per ruleset) never re-normalise them. Free text is untrusted data: it is only ever searched
 * with regular expressions or classified, never interpreted.
 *
 * Each text says WHOSE words it is (`speaker`), from channel and direction together, because
 * CRMs keep the customer's words in different places:
 * - notes of calls, meetings, site visits and plain notes (any direction, also outbound calls)
 *   are a rep's record of what the customer said: `rep_note`;
 * - inbound emails, SMS, chat, messenger, WhatsApp and forms are the customer's own: `customer`;
 * - our outbound emails, SMS and chat are `ours`: a refusal phrase in them is not the customer's;
 * - quoted text flips it: the customer's reply quoted below our email is `customer`, the earlier
 *   email quoted below a customer's reply is `ours` (see quoted-text.ts);
 * - lost_reason, tags and activity outcomes are rep notes.
 * Signals read `customer` and `rep_note` texts unless a signal says otherwise.
 */
import type { Lead } from '../lead.ts';
import { splitQuoted } from './quoted-text.ts';
import { foldText } from './text.ts';
import { dayNumber } from './time.ts';

/** Evidence index used for texts that are not activities. */
export const LOST_REASON_INDEX = -1;
export const TAGS_INDEX = -2;

export type Speaker = 'customer' | 'rep_note' | 'ours';
/** Which part of the record the text is: an activity's own text, the text it quotes, its outcome, lost_reason or tags. */
export type TextSource = 'text' | 'quoted' | 'outcome' | 'lost_reason' | 'tags';

export interface PreparedText {
  /** Index in `lead.activities`, or LOST_REASON_INDEX / TAGS_INDEX. */
  activity_index: number;
  direction: 'inbound' | 'outbound' | 'internal' | null;
  channel: string | null;
  /** Whose words these are (see the module comment). */
  speaker: Speaker;
  /** One line saying why, for the trace ("inbound email: the customer's own words"). */
  speaker_reason: string;
  source: TextSource;
  /** Day number of the activity (null when it has no date). */
  said_on: number | null;
  original: string;
  folded: string;
  /** A note of a call nobody answered (outcome no_answer, voicemail, ...): it holds no words of the customer's. */
  no_conversation?: true;
  /**
   * A short rep note that only records a failed attempt ("called 2x, no answer", "ne javlja se",
   * "nicht erreicht, Mailbox"): no customer words, so the intent classifier does not read it (it
   * took "called, no answer" for a complaint). The ruleset's phrase lists still match it exactly.
   */
  attempt_only?: true;
  /**
   * The inquiry that opened the lead (its earliest inbound web form): it describes the job wanted,
   * so the classifier's "no longer needed" / "booked elsewhere" readings of it are taken for
   * misreadings (job descriptions looked like cancellations to it). Phrase lists still read it.
   */
  inquiry?: true;
}

/** Channels whose text is a rep's record of a conversation, whatever the direction. */
const NOTE_CHANNELS = new Set(['call', 'meeting', 'note', 'visit', 'site_visit', 'task', 'phone']);

/** Speaker of an activity's own text, and why. Unknown direction counts as the customer's: better to notice a refusal than to miss it. */
export function speakerOf(channel: string | null, direction: string | null): { speaker: Speaker; reason: string } {
  const ch = channel ?? 'unknown channel';
  if (channel !== null && NOTE_CHANNELS.has(channel)) {
    return { speaker: 'rep_note', reason: `${ch} (${direction ?? 'no direction'}): a rep's record of what the customer said` };
  }
  if (direction === 'internal') return { speaker: 'rep_note', reason: `internal ${ch}: a rep's note` };
  if (direction === 'outbound') return { speaker: 'ours', reason: `outbound ${ch}: our own words, not read as the customer's` };
  if (direction === 'inbound') return { speaker: 'customer', reason: `inbound ${ch}: the customer's own words` };
  return { speaker: 'customer', reason: `${ch} without a direction: read as the customer's (fail safe)` };
}

const QUOTED_REASON: Record<Speaker, { speaker: Speaker; reason: string }> = {
  ours: { speaker: 'customer', reason: "customer's reply quoted below our message" },
  customer: { speaker: 'ours', reason: "earlier message quoted below the customer's reply: not the customer's words" },
  rep_note: { speaker: 'ours', reason: 'quoted message inside a note: not read as the customer' },
};

function textOf(activity_index: number, direction: PreparedText['direction'], channel: string | null, said_on: number | null,
  who: { speaker: Speaker; reason: string }, source: TextSource, original: string): PreparedText {
  return { activity_index, direction, channel, speaker: who.speaker, speaker_reason: who.reason, source, said_on, original, folded: foldText(original) };
}

/** Outcomes that say nothing about what the customer wants ("no_answer", "sent"): not read as notes. */
const PLAIN_OUTCOME = /^(?:no[_ ]?answer|voicemail|left[_ ]voicemail|sent|delivered|opened|clicked|answered|replied|connected|submitted|busy|bounced|invalid[_ ]number|wrong[_ ]number|completed|done|scheduled|held|ok)$/i;

/** Outcomes of a call or visit in which the customer said nothing. */
const NO_CONVERSATION = /^(?:no[_ ]?answer|voicemail|left[_ ]voicemail|busy|invalid[_ ]number|wrong[_ ]number|not[_ ]reached|unreachable|no[_ ]show|bounced|failed)$/i;

/**
 * "Nobody answered" as reps write it, in the supported languages (folded: lower case, no diacritics).
 * Only a SHORT note made of it counts (ATTEMPT_NOTE_MAX): a longer note may report a conversation too.
 */
const NO_ANSWER_WORDS = new RegExp('\\b(?:' + [
  'no answer', 'not answered', 'unanswered', 'not reached', 'unreachable', 'no reply', 'no pick ?up', 'didn ?t pick up', 'did not pick up', 'voice ?mail', 'mailbox', 'vm left', 'left vm', 'rang out', 'no response',
  'nicht erreicht', 'keine antwort', 'nicht abgenommen', 'nicht erreichbar', 'geht nicht ran', 'mailbox', 'ab besprochen', 'anrufbeantworter',
  'ne javlja se', 'nije se javi(?:o|la)', 'govorn\\w* post\\w*', 'ne odgovara', 'nedostupan', 'nedostupna', 'ne dize', 'se ne oglasi', 'ni dosegljiv', 'ne odziva', 'ne dvigne',
  'non risponde', 'nessuna risposta', 'segreteria', 'non raggiungibile',
  'ne repond pas', 'pas de reponse', 'repondeur', 'injoignable',
  'no contesta', 'sin respuesta', 'buzon de voz', 'no localizado',
  'nie odbiera', 'brak odpowiedzi', 'poczta glosowa', 'nieosiagalny',
  'nebere', 'nedostupny', 'nezveda', 'hlasova schranka',
  'nem veszi fel', 'nem elerheto', 'hangposta', 'nem valaszol',
  'neemt niet op', 'geen gehoor', 'niet bereikt', 'voicemail',
].join('|') + ')\\b');
const ATTEMPT_NOTE_MAX = 60;

export function prepareTexts(lead: Lead): PreparedText[] {
  const out: PreparedText[] = [];
  const activities = lead.activities ?? [];
  for (let i = 0; i < activities.length; i++) {
    const a = activities[i];
    if (!a) continue;
    const direction = a.direction ?? null, channel = a.channel ?? null, day = dayNumber(a.at ?? null);
    const who = speakerOf(channel, direction);
    if (a.text) {
      const { own, quoted } = who.speaker === 'rep_note' ? { own: a.text, quoted: '' } : splitQuoted(a.text);
      if (own.trim()) {
        const t = textOf(i, direction, channel, day, who, 'text', own);
        if (who.speaker === 'rep_note' && a.outcome && NO_CONVERSATION.test(a.outcome.trim())) {
          t.no_conversation = true;
          t.speaker_reason += ` (outcome ${a.outcome}: no conversation)`;
        }
        out.push(t);
      }
      if (quoted.trim()) out.push(textOf(i, direction, channel, day, QUOTED_REASON[who.speaker], 'quoted', quoted));
    }
    // An outcome a rep typed ("asked not to call", "DNC") is a rep note; the CRM's plain codes are not.
    const outcome = a.outcome?.trim();
    if (outcome && !PLAIN_OUTCOME.test(outcome)) {
      out.push(textOf(i, direction, channel, day, { speaker: 'rep_note', reason: 'activity outcome: a rep note' }, 'outcome', outcome.replace(/[_-]/g, ' ')));
    }
  }
  if (lead.lost_reason) {
    out.push(textOf(LOST_REASON_INDEX, 'internal', 'note', null, { speaker: 'rep_note', reason: 'lost_reason: a rep note' }, 'lost_reason', lead.lost_reason));
  }
  const tags = (lead.tags ?? []).filter((t) => typeof t === 'string' && t.length > 0);
  if (tags.length) {
    const joined = tags.join(' | ').replace(/[_-]/g, ' ');
    out.push(textOf(TAGS_INDEX, 'internal', 'note', null, { speaker: 'rep_note', reason: 'tags: rep notes' }, 'tags', joined));
  }
  let inquiry: PreparedText | null = null;
  for (const t of out) {
    if (t.channel !== 'form' || t.direction !== 'inbound' || t.source !== 'text') continue;
    if (inquiry === null || (t.said_on !== null && (inquiry.said_on === null || t.said_on < inquiry.said_on))) inquiry = t;
  }
  if (inquiry) inquiry.inquiry = true;
  // Rep notes, typed outcomes and lost reasons alike: a short one that only records a failed attempt
  // (its words say so, or the call's outcome does: no_answer, voicemail, ...).
  for (const t of out) {
    if (t.speaker !== 'rep_note' || t.folded.length > ATTEMPT_NOTE_MAX) continue;
    if (t.no_conversation || NO_ANSWER_WORDS.test(t.folded.replace(/\s+/g, ' '))) {
      t.attempt_only = true;
      t.speaker_reason += ' (a failed attempt: no customer words)';
    }
  }
  return out;
}
