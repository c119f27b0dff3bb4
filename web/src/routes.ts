/**
 * The page table: path pattern → page component and the roles that may open it.
 * Each page lives in its own folder with its components beside it.
 */
import type { Component } from 'svelte';
import type { Role } from './lib/types.ts';
import DatasetsPage from './datasets/DatasetsPage.svelte';
import DatasetPage from './datasets/DatasetPage.svelte';
import LeadPage from './datasets/LeadPage.svelte';
import RulesPage from './rules/RulesPage.svelte';
import PromptsPage from './prompts/PromptsPage.svelte';
import EvaluationsPage from './evaluations/EvaluationsPage.svelte';
import RunPage from './evaluations/RunPage.svelte';
import LeadResultPage from './evaluations/LeadResultPage.svelte';
import ComparePage from './evaluations/ComparePage.svelte';
import ReleasesPage from './releases/ReleasesPage.svelte';
import ReviewPage from './review/ReviewPage.svelte';
import AuditPage from './audit/AuditPage.svelte';
import TokensPage from './tokens/TokensPage.svelte';
import GettingStartedPage from './start/GettingStartedPage.svelte';
import PrivacyPage from './privacy/PrivacyPage.svelte';
import CampaignsPage from './campaigns/CampaignsPage.svelte';
import CampaignPage from './campaigns/CampaignPage.svelte';
import HumanReadsPage from './human-reads/HumanReadsPage.svelte';
import ModelsPage from './models/ModelsPage.svelte';
import MappingEditorPage from './mappings/MappingEditorPage.svelte';

export interface RouteDef {
  pattern: string;
  // Pages take their path params as props.
  component: Component<any>;
  roles: readonly Role[];
  title: string;
}

const STAFF = ['manager', 'engineer'] as const;

export const ROUTES: RouteDef[] = [
  { pattern: '/datasets', component: DatasetsPage, roles: STAFF, title: 'Datasets' },
  { pattern: '/datasets/:id', component: DatasetPage, roles: STAFF, title: 'Dataset' },
  { pattern: '/datasets/:id/leads/:leadId', component: LeadPage, roles: STAFF, title: 'Lead' },
  { pattern: '/mappings/new', component: MappingEditorPage, roles: STAFF, title: 'New CSV mapping' },
  { pattern: '/rules', component: RulesPage, roles: STAFF, title: 'Rules' },
  { pattern: '/prompts', component: PromptsPage, roles: STAFF, title: 'Prompts' },
  { pattern: '/evaluations', component: EvaluationsPage, roles: STAFF, title: 'Evaluations' },
  { pattern: '/evaluations/compare', component: ComparePage, roles: STAFF, title: 'Compare runs' },
  { pattern: '/evaluations/runs/:id', component: RunPage, roles: STAFF, title: 'Evaluation run' },
  { pattern: '/evaluations/runs/:id/leads/:leadId', component: LeadResultPage, roles: STAFF, title: 'Lead result' },
  { pattern: '/releases', component: ReleasesPage, roles: STAFF, title: 'Releases' },
  { pattern: '/campaigns', component: CampaignsPage, roles: STAFF, title: 'Campaigns' },
  { pattern: '/campaigns/:id', component: CampaignPage, roles: STAFF, title: 'Campaign' },
  { pattern: '/human-reads', component: HumanReadsPage, roles: ['manager'], title: 'Needs a human read' },
  { pattern: '/review', component: ReviewPage, roles: ['manager', 'rep'], title: 'Review' },
  { pattern: '/audit', component: AuditPage, roles: ['manager', 'admin'], title: 'Audit' },
  { pattern: '/models', component: ModelsPage, roles: ['engineer', 'admin'], title: 'Models' },
  { pattern: '/tokens', component: TokensPage, roles: ['admin'], title: 'Tokens' },
  { pattern: '/start', component: GettingStartedPage, roles: ['admin'], title: 'Getting started' },
  { pattern: '/privacy', component: PrivacyPage, roles: ['manager', 'admin'], title: 'Privacy' },
];
