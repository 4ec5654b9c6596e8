import { join } from 'node:path';
import type { PeriodKey } from '../../../shared/schemas/workspace';

/** Where one period's files live inside a workspace (docs/workspace-format.md). */
export interface PeriodPaths {
  snapshot: string;
  journal: string;
  historyDir: string;
  /** Paths relative to the workspace, for messages. */
  relSnapshot: string;
  relJournal: string;
}

export const PERIOD_FILE_RE = /^(\d{4}(?:-(?:0[1-9]|1[0-2])|Q[1-4]|H[12])?)\.(json|log)$/;

export function periodPaths(root: string, key: PeriodKey): PeriodPaths {
  const year = key.slice(0, 4);
  return {
    snapshot: join(root, 'data', year, `${key}.json`),
    journal: join(root, 'data', year, `${key}.log`),
    historyDir: join(root, 'history', year, key),
    relSnapshot: `data/${year}/${key}.json`,
    relJournal: `data/${year}/${key}.log`,
  };
}
