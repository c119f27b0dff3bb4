/**
 * Facts from the activity timeline: recency per direction, attempts since the customer last
 * spoke, open callback requests, bounced/invalid channels, re-engagement.
 */
import type { Lead } from '../lead.ts';
import type { PreparedText } from './prepared-text.ts';
import { dayNumber, parseIsoMs } from './time.ts';

export interface ActivityFacts {
  lastContactDay: number | null;
  lastInboundDay: number | null;
  lastOutboundDay: number | null;
  outboundSinceInbound: number;
  outboundTotal: number;
  inboundCount: number;
  lastDirection: string | null;
  silentBeforeLastInbound: number | null;
  callbackOpen: boolean;
  callbackDay: number | null;
  emailBounced: boolean;
  phoneInvalid: boolean;
}

const CALLBACK_ASK =
  /call me|call back|callback|give me a call|ring me|phone me|please call|can you call|could you call|ruf(en sie)? mich|ruckruf|zuruckrufen|anrufen|nazovite|nazovi me|javite se telefonom|povratni poziv|pozovite/;
/** "Please don't call me" is not a callback request. */
const NEGATED_CALL = /(?:not|n't|dont|never|stop|no more|nicht|nie|keine?|nemoj\w*|ne)\s+(?:\w+\s+){0,2}(?:call|ring|phone|ruf|anruf|zov|nazov)/;
const BOUNCED = /bounc|undeliver|invalid_email|mailbox/;
const INVALID_NUMBER = /invalid|wrong_number|not_in_service|disconnected|does_not_exist/;
const GOT_THROUGH = /answered|connected|spoke|talked|replied|reached/;

export function activityFacts(lead: Lead, texts: PreparedText[]): ActivityFacts {
  const acts = lead.activities ?? [];
  // Sort by date without mutating the lead; undated activities keep their position at the end.
  // Parallel arrays and an index sort (no object per activity).
  const n = acts.length;
  const days: (number | null)[] = new Array(n), ms = new Float64Array(n), order: number[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const at = acts[i]?.at;
    days[i] = dayNumber(at ?? null);
    ms[i] = at ? parseIsoMs(at) : NaN;
    order[i] = i;
  }
  order.sort((x, y) => (Number.isNaN(ms[x]) ? 1 : Number.isNaN(ms[y]) ? -1 : ms[x] - ms[y]) || x - y);
  const folded: (string | undefined)[] = new Array(n);
  for (const t of texts) if (t.activity_index >= 0 && t.source === 'text') folded[t.activity_index] = t.folded;

  const facts: ActivityFacts = {
    lastContactDay: null, lastInboundDay: null, lastOutboundDay: null, outboundSinceInbound: 0, outboundTotal: 0,
    inboundCount: 0, lastDirection: null, silentBeforeLastInbound: null, callbackOpen: false, callbackDay: null, emailBounced: false, phoneInvalid: false,
  };
  let prevDay: number | null = null;
  for (let k = 0; k < n; k++) {
    const i = order[k], a = acts[i], day = days[i];
    if (!a) continue;
    const outcome = (a.outcome ?? '').toLowerCase();
    if (a.direction) facts.lastDirection = a.direction;
    if (a.direction === 'inbound') {
      facts.inboundCount++;
      facts.outboundSinceInbound = 0;
      if (day !== null) {
        facts.silentBeforeLastInbound = prevDay === null ? null : day - prevDay;
        facts.lastInboundDay = day;
      }
      if (a.channel === 'email') facts.emailBounced = false;
      const text = folded[i];
      if (text && CALLBACK_ASK.test(text) && !NEGATED_CALL.test(text)) {
        facts.callbackOpen = true;
        facts.callbackDay = day;
      }
    } else if (a.direction === 'outbound') {
      facts.outboundTotal++;
      facts.outboundSinceInbound++;
      if (day !== null) facts.lastOutboundDay = day;
      if (a.channel === 'call' || a.channel === 'meeting') facts.callbackOpen = false;
      if (a.channel === 'email' && BOUNCED.test(outcome)) facts.emailBounced = true;
      if (a.channel === 'call' || a.channel === 'sms') {
        if (INVALID_NUMBER.test(outcome)) facts.phoneInvalid = true;
        else if (GOT_THROUGH.test(outcome)) facts.phoneInvalid = false;
      }
    }
    if (a.direction === 'inbound' || a.direction === 'outbound') {
      if (day !== null) facts.lastContactDay = day;
      if (day !== null) prevDay = day;
    }
    if (a.direction === 'inbound' && a.channel === 'call') facts.phoneInvalid = false;
  }
  return facts;
}
