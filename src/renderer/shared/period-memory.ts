import { defaultPeriod, lastYearKey } from './periods';

/**
 * Each page keeps the period the clerk last chose on it, for this session and this workspace: looking at
 * 第四季度 in 数据填报 must not change what 简报 shows or exports, and coming back to 简报 finds the month
 * that was being worked on rather than whatever period happens to be the latest.
 */
function storageKey(page: string, workspaceDir: string): string {
  return `zjb.period.${page}.${workspaceDir}`;
}

function store(): Storage | null {
  try {
    return globalThis.sessionStorage ?? null;
  } catch {
    // A browser that refuses storage (privacy settings) just forgets between pages.
    return null;
  }
}

export function rememberPeriod(page: string, workspaceDir: string, key: string): void {
  if (!lastYearKey(key)) return;
  try {
    store()?.setItem(storageKey(page, workspaceDir), key);
  } catch {
    // Storage full or refused: the page still works, it only forgets.
  }
}

/** The period a page opens on: the one in its address, else the one last chosen on it, else the default. */
export function initialPeriod(
  page: string,
  workspaceDir: string,
  wanted: string,
  periodsWithData: readonly string[],
  today: Date,
): string {
  if (wanted && lastYearKey(wanted)) return wanted;
  const kept = store()?.getItem(storageKey(page, workspaceDir)) ?? '';
  if (kept && lastYearKey(kept)) return kept;
  return defaultPeriod(periodsWithData, today);
}
