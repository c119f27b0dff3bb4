/**
 * Carries an import result across a navigation: importing into a locked version creates a new
 * version, and the UI moves to it while still showing what the import did.
 */
import type { ImportResult } from '../lib/types.ts';

let carried: { result: ImportResult; fromId: string; fromVersion: number } | null = null;

export function carryImport(result: ImportResult, fromId: string, fromVersion: number): void {
  carried = { result, fromId, fromVersion };
}

/** The carried result for this dataset, once. */
export function takeCarriedImport(datasetId: string): { result: ImportResult; fromId: string; fromVersion: number } | null {
  if (!carried || carried.result.dataset_id !== datasetId) return null;
  const c = carried;
  carried = null;
  return c;
}
