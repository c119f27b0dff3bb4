/**
 * The migrations, in order. Listed explicitly (not read from the folder) so they work the same
 * under tsx, vitest and a bundled build; the file names carry the timestamp that orders them.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './20261123T1400_initial.ts';
import * as workbench from './20261123T1430_workbench.ts';
import * as stagedImports from './20261201T1640_staged_imports.ts';
import * as assignmentSupersede from './20261201T1620_assignment_supersede.ts';
import * as privacy from './20261201T1630_privacy.ts';
import * as campaigns from './20261201T1650_campaigns.ts';
import * as textLabels from './20261201T1720_text_labels.ts';
import * as campaignScale from './20261201T1930_campaign_scale.ts';
import * as recordRecommendations from './20261201T2300_record_recommendations.ts';
import * as importPendingLeads from './20261202T0200_import_pending_leads.ts';

const MIGRATIONS: Record<string, Migration> = {
  '20261123T1400_initial': initial,
  '20261123T1430_workbench': workbench,
  '20261201T1640_staged_imports': stagedImports,
  '20261201T1620_assignment_supersede': assignmentSupersede,
  '20261201T1630_privacy': privacy,
  '20261201T1650_campaigns': campaigns,
  '20261201T1720_text_labels': textLabels,
  '20261201T1930_campaign_scale': campaignScale,
  '20261201T2300_record_recommendations': recordRecommendations,
  '20261202T0200_import_pending_leads': importPendingLeads,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};
