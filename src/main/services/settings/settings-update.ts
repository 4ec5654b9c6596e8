import { withoutUndefined } from '../../../shared/objects';
import type { SettingsPatch } from '../../../shared/schemas/settings-patch';
import type { WorkspaceFile, WorkspaceFileInput } from '../../../shared/schemas/workspace';
import type { Workspace } from '../storage/workspace';
import { AppError } from '../../../shared/errors';
import type { CounterSetting } from '../../../shared/register/counters';
import type { DocumentKind } from '../../../shared/report/model';
import type { IssuedDocument } from '../../../shared/schemas/register';
import { highestIssued, readRegister } from '../register/register-store';

/** The settings with a patch from the 设置 page laid over them; fields the patch leaves out keep their value. */
export function applySettingsPatch(current: WorkspaceFile, patch: SettingsPatch): WorkspaceFileInput {
  const documents = patch.documents ?? {};
  return {
    ...current,
    ...withoutUndefined({ name: patch.name }),
    documents: {
      ...current.documents,
      ...withoutUndefined(documents),
      fonts: { ...current.documents.fonts, ...withoutUndefined(documents.fonts ?? {}) },
    },
    ranking: { ...current.ranking, ...withoutUndefined(patch.ranking ?? {}) },
  };
}

/** The audit line of a settings change: which fields it touched. */
export function settingsChangeSummary(patch: SettingsPatch): string {
  const fields = [
    ...Object.keys(patch.documents ?? {}),
    ...Object.keys(patch.ranking ?? {}),
    ...(patch.name ? ['name'] : []),
  ];
  return `修改设置：${fields.join('、')}`;
}

/**
 * Saves a settings patch (validated again as a whole file by the workspace) and returns the new settings.
 * Moving a counter back to a number already issued would give two documents one number: it needs the
 * clerk's explicit confirmation (作废重发), and is audited on its own.
 */
export async function updateSettings(ws: Workspace, patch: SettingsPatch): Promise<WorkspaceFile> {
  const rewinds = counterRewinds(await readRegister(ws), patch);
  if (rewinds.length && !patch.confirmCounterRewind) {
    throw new AppError(
      'CONFLICT',
      `${rewinds.join('；')}。改回已签发的号会让两份文件同号，如确需改回（例如作废重发），请确认后再保存。`,
      { counterRewind: rewinds },
    );
  }
  const saved = await ws.updateSettings((current) => applySettingsPatch(current, patch), settingsChangeSummary(patch));
  if (rewinds.length) await ws.audit('counter.rewind', `确认把计数器改回已签发的号：${rewinds.join('；')}`);
  return saved;
}

const COUNTER_KINDS: [CounterSetting, DocumentKind][] = [
  ['issueCounters', '简报'],
  ['reportCounters', '运行分析报告'],
  ['noticeCounters', '通报'],
];

/** "2023年简报的下一份设为第7期，而第8期已签发", per counter the patch moves to or below an issued number. */
export function counterRewinds(register: readonly IssuedDocument[], patch: SettingsPatch): string[] {
  const out: string[] = [];
  const docs = patch.documents ?? {};
  for (const [setting, kind] of COUNTER_KINDS) {
    for (const [year, next] of Object.entries(docs[setting] ?? {})) {
      const highest = highestIssued(register, kind, year);
      const label = (n: number) => (kind === '通报' ? `〔${year}〕${n}号` : `第${n}期`);
      if (next <= highest) out.push(`${year}年${kind}的下一份设为${label(next)}，而${label(highest)}已签发`);
    }
  }
  const highestTotal = register.reduce((n, d) => Math.max(n, d.total ?? 0), 0);
  if (docs.totalIssueNext !== undefined && docs.totalIssueNext <= highestTotal)
    out.push(`简报总期号设为第${docs.totalIssueNext}期，而总第${highestTotal}期已签发`);
  return out;
}
