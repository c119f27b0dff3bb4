/** Drafting: the deterministic template writer and its helpers. */
export { writeTemplateDraft, draftTextForGrounding, draftLanguage } from './template-writer.ts';
export { chooseAngle, ANGLES, type Angle } from './angle.ts';
export { computeRiskFlags } from './risk-flags.ts';
