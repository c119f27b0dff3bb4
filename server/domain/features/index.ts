/** Feature computation: the cold path of the rules engine. */
export { computeFeatures, type Features } from './compute-features.ts';
export { buildDatasetIndex, normaliseEmail, normalisePhone, type DatasetIndex, type DuplicateInfo } from './dataset-index.ts';
export { FEATURE_CATALOG, FEATURE_NAMES, QUOTE_FIELDS, type FeatureDefinition, type FeatureType, type FeatureValue, type FeatureValues, type LatestQuote } from './catalog.ts';
export { foldText } from './text.ts';
export type { PreparedText } from './prepared-text.ts';
export { LOST_REASON_INDEX, TAGS_INDEX } from './prepared-text.ts';
export type { DateMention } from './dates-in-notes.ts';
export type { BudgetMention } from './budget.ts';
