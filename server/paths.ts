/** Folders of the project itself (not DATA_DIR): shipped rules, mappings, demo data, built web UI. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const MAPPINGS_DIR = path.join(PROJECT_ROOT, 'datasets', 'mappings');
export const RULES_DIR = path.join(PROJECT_ROOT, 'rules');
export const DEMO_DATASET_FILE = path.join(PROJECT_ROOT, 'datasets', 'demo.jsonl');
export const DEMO_META_FILE = path.join(PROJECT_ROOT, 'datasets', 'demo.meta.json');
export const WEB_DIST_DIR = path.join(PROJECT_ROOT, 'dist', 'web');
