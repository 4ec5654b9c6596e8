import type { PeriodKey } from '../../../shared/schemas/workspace';

/** Where one period's files live inside a workspace, relative to it (docs/workspace-format.md). */
export interface PeriodPaths {
  snapshot: string;
  journal: string;
  historyDir: string;
}

export const PERIOD_KEY_RE = /^\d{4}(?:-(?:0[1-9]|1[0-2])|Q[1-4]|H[12])?$/;
export const PERIOD_FILE_RE = /^(\d{4}(?:-(?:0[1-9]|1[0-2])|Q[1-4]|H[12])?)\.(json|log)$/;
/** History files: `snapshot-<rev>.json` and `journal-<from>-<to>.log`, with `~2`, `~3` … when a name was taken. */
export const HISTORY_SNAPSHOT_RE = /^snapshot-(\d+)(?:~\d+)?\.json$/;
export const HISTORY_JOURNAL_RE = /^journal-(\d+)-(\d+)(?:~\d+)?\.log$/;

export function periodPaths(key: PeriodKey): PeriodPaths {
  const year = key.slice(0, 4);
  return {
    snapshot: `data/${year}/${key}.json`,
    journal: `data/${year}/${key}.log`,
    historyDir: `history/${year}/${key}`,
  };
}
