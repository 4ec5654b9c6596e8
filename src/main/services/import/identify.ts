import { parsePeriod } from '../../../shared/domain/periods';
import { periodTitle } from '../../../shared/domain/period-labels';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../storage/workspace';
import { assertPeriodInWorkspace } from '../documents/xlsx-forms/form-rows';
import { signatureMatches } from '../documents/xlsx-forms/form-meta';
import { tooLargeMessage } from './file-guard';
import { formReader } from './form-reader-pool';
import { repeatedRow, type FormRead } from './read-form';

/**
 * A file handed to the importer: its bytes, its base64 as uploaded (decoded in the import worker), or
 * only its size when it was too large to read at all.
 */
export type ImportFile =
  { name: string; bytes: Buffer } | { name: string; base64: string } | { name: string; size: number };

export type IdentifiedFile =
  | { name: string; ok: false; message: string }
  | ({ name: string; ok: true; hash: string } & Extract<FormRead, { ok: true }>);

function title(period: string): string {
  try {
    return periodTitle(parsePeriod(period));
  } catch {
    return period;
  }
}

/** Whether this form may be imported into this workspace: city, workspace, region, period. */
async function checkBelongs(
  ws: Workspace,
  form: Extract<FormRead, { ok: true }>,
  expectedPeriod: string | undefined,
): Promise<string | null> {
  const { meta } = form;
  const s = ws.settings;
  if (meta.city !== s.city)
    return `是${meta.city}的填报表（工作区“${meta.workspaceName}”），当前工作区是${s.city}的“${s.name}”，不能导入`;
  if (meta.workspaceId !== s.id) {
    return `属于另一个工作区“${meta.workspaceName}”（编号 ${meta.workspaceId}），不是当前工作区“${s.name}”，不能导入。请在对应的工作区中导入，或用本工作区重新生成填报表下发`;
  }
  const signature = await signatureProblem(ws, form);
  if (signature) return signature;
  const repeated = repeatedRow(form.meta);
  if (repeated) return repeated;
  if (form.layoutProblem) return form.layoutProblem;
  if (!s.regions.includes(meta.region))
    return `的填报单位“${meta.region}”不是本工作区的区县（${s.regions.join('、')}），不能导入`;
  if (expectedPeriod !== undefined && meta.period !== expectedPeriod) {
    return `是${title(meta.period)}的填报表，本次导入的是${title(expectedPeriod)}，不能导入。请核对文件或所选的统计期`;
  }
  try {
    await assertPeriodInWorkspace(ws, meta.period);
  } catch (err) {
    if (err instanceof AppError) return `的统计期有误：${err.message}`;
    throw err;
  }
  return null;
}

/**
 * Whether the meta is signed by this workspace's key: a form signed by another key (a copy of the
 * workspace, or one rebuilt under the same id) and a re-signed or edited meta are both refused.
 */
async function signatureProblem(ws: Workspace, form: Extract<FormRead, { ok: true }>): Promise<string | null> {
  const key = await ws.formSigningKey(false);
  if (!key)
    return '无法核对：本工作区没有填报表签名密钥（keys/form-signing.json）。请从备份中找回该文件，或重新生成并下发填报表';
  if (form.keyId !== key.keyId)
    return `不是用本工作区的签名密钥生成的（可能来自本工作区的旧副本或另一台电脑上重建的同名工作区），为防止数据写错，不予导入。请用本工作区重新生成${form.meta.region}的填报表下发`;
  if (!signatureMatches(form.meta, form.signature, key.key))
    return '隐藏的 _meta 工作表签名不符（内容被改动过）。为防止数据写错区县或期别，不予导入。请让区县使用下发的原表重新填写';
  return null;
}

async function identifyOne(
  ws: Workspace,
  file: ImportFile,
  expectedPeriod: string | undefined,
): Promise<IdentifiedFile> {
  const refuse = (message: string): IdentifiedFile => ({
    name: file.name,
    ok: false,
    message: `“${file.name}”${message}`,
  });
  if ('size' in file) return refuse(tooLargeMessage(file.size));
  const form = await formReader().read('bytes' in file ? file.bytes : file.base64);
  if (!form.ok) return refuse(form.message);
  const problem = await checkBelongs(ws, form, expectedPeriod);
  if (problem) return refuse(problem);
  return { ...form, name: file.name };
}

/**
 * Identifies every file, then refuses duplicates: two files for the same region and period cannot both
 * be right, so both are refused and the clerk chooses; the same file picked twice is imported once.
 */
export async function identifyFiles(
  ws: Workspace,
  files: ImportFile[],
  expectedPeriod: string | undefined,
): Promise<IdentifiedFile[]> {
  const out: IdentifiedFile[] = [];
  for (const f of files) out.push(await identifyOne(ws, f, expectedPeriod));
  const groups = new Map<string, number[]>();
  out.forEach((f, i) => {
    if (!f.ok) return;
    const key = `${f.meta.region}|${f.meta.period}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const indexes of groups.values()) {
    if (indexes.length < 2) continue;
    const first = out[indexes[0] ?? 0];
    if (!first?.ok) continue;
    const allSame = indexes.every((i) => {
      const f = out[i];
      return f?.ok === true && f.hash === first.hash;
    });
    for (const [n, i] of indexes.entries()) {
      const f = out[i];
      if (!f?.ok || (allSame && n === 0)) continue;
      const others = indexes
        .filter((j) => j !== i)
        .map((j) => `“${out[j]?.name ?? ''}”`)
        .join('、');
      const what = `${f.meta.region}${title(f.meta.period)}`;
      out[i] = {
        name: f.name,
        ok: false,
        message: allSame
          ? `“${f.name}”与${others}是同一份文件，只导入一次`
          : `“${f.name}”与${others}都是${what}的填报表，同一区县同一期一次只能导入一份。请确认哪一份是正确的，只选那一份重新导入`,
      };
    }
  }
  return out;
}
