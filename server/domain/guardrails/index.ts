/** Guardrails: grounding checks over drafts, instruction-like CRM text, PII redaction. */
export { checkGrounding, GROUNDING_CHECKS, getGroundingCheck, buildGroundingContext } from './registry.ts';
export { detectInstructionLikeText, type InstructionLikeResult, type InstructionLikeMatch } from './instruction-like-text.ts';
export { redactLead, unredactText, type RedactionMap } from './redaction.ts';
export { hasPastEvent, type PastEvent } from './activity-evidence.ts';
export { GROUNDING_ISSUE_KINDS, type GroundingIssue, type GroundingIssueKind, type GroundingResult, type GroundingOptions, type GroundingCheck } from './types.ts';
