import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ImportCellReport, ImportPreview } from '../../shared/import-types';
import type { FigureValue } from '../../shared/schemas/figure';
import { applyImport, MAX_FILE_BYTES, previewImport, type ImportFile } from '../../main/services/import';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { withWorkspace } from '../workspace-arg';

function shown(v: FigureValue, unit: string): string {
  return v === null ? '（空）' : v === '/' ? '/' : `${v}${unit}`;
}

function cellLine(c: ImportCellReport): string[] {
  const where = `${c.ref}  ${c.indicatorName}`;
  const lines: string[] = [];
  if (c.status === 'changed') {
    const value =
      c.old === c.new ? `数值不变 ${shown(c.new, c.unit)}` : `${shown(c.old, c.unit)} → ${shown(c.new, c.unit)}`;
    lines.push(
      `  变化  ${where}：${value}${c.newNote !== undefined ? `；备注：${c.newNote}` : ''}${c.message ? `（${c.message}）` : ''}`,
    );
  }
  if (c.status === 'rejected') lines.push(`  拒绝  ${c.message ?? c.ref}`);
  for (const a of c.anomalies) lines.push(`  提示  ${where}：${a.message}`);
  return lines;
}

function printReport(io: CliIo, preview: ImportPreview, dryRun: boolean): void {
  io.out(
    `导入检查${dryRun ? '（试运行，未写入任何数据）' : ''}：${preview.files.length} 个文件${preview.sample ? '（示例数据工作区）' : ''}\n`,
  );
  for (const f of preview.files) {
    if (f.status === 'refused') {
      io.out(`【整体拒绝】${f.message ?? f.file}\n`);
      continue;
    }
    const c = f.counts;
    io.out(
      `【${f.region ?? ''} ${f.periodTitle ?? ''}】${f.file}：变化 ${c.changed} 项，未变 ${c.unchanged} 项，拒绝 ${c.rejected} 项，未填 ${c.blank} 项，异常提示 ${c.anomalies} 项`,
    );
    io.out(f.reporter ? `（填报人：${f.reporter.name || '未填'}，电话：${f.reporter.phone || '未填'}）\n` : '\n');
    for (const cell of f.cells) for (const line of cellLine(cell)) io.out(`${line}\n`);
  }
  const t = preview.totals;
  io.out(
    `合计：接受 ${t.files - t.refusedFiles} 个文件，整体拒绝 ${t.refusedFiles} 个；变化 ${t.changed} 项，未变 ${t.unchanged} 项，拒绝 ${t.rejected} 项，未填 ${t.blank} 项，异常提示 ${t.anomalies} 项。\n`,
  );
}

function positiveNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} 应为正数，收到“${text}”`);
  return n;
}

async function readFiles(paths: string[]): Promise<ImportFile[]> {
  const files: ImportFile[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`找不到文件“${path}”`);
    files.push(
      info.size > MAX_FILE_BYTES
        ? { name: basename(path), size: info.size }
        : { name: basename(path), bytes: await readFile(path) },
    );
  }
  return files;
}

export const importCommand: CliCommand = {
  name: 'import',
  summary: '导入区县发回的填报表（默认只检查，加 --apply 才写入）',
  usage: `用法：npm run cli -- import --workspace <工作区文件夹> <填报表.xlsx …> [--apply] [--period <2023-09>] [--jump-ratio 0.5] [--jump-points 10] [--json]

不加 --apply 为试运行：逐个文件、逐个单元格报告“变化（原值 → 新值）/未变/拒绝（原因和单元格，如 填报表!D7）/未填”
和异常提示（较上期变动过大、正负相反、累计数下降），不写入任何数据。
加 --apply：检查后把“变化”的数值写入工作区，每个文件每个期别一条修改记录，记录文件名和单元格。
留空的单元格不会清除已有数据；被拒绝的单元格不写入，同一文件的其他单元格照常写入；
文件不属于本工作区、被改动、重复、无法读取时整个文件拒绝。
  --period       本次导入的统计期，其他期的填报表将被拒绝
  --jump-ratio   总量类指标较上期变动超过该比例时提示（默认 0.5，即 50%）
  --jump-points  增速、比重类指标较上期变动超过该个百分点时提示（默认 10）
  --json         以 JSON 输出检查结果（和写入结果）
退出码：0 = 所有文件都被接受（个别单元格被拒绝时也是 0，见报告）；
        1 = 至少一个文件被整体拒绝，或写入失败（加 --apply 时其余被接受的文件照常写入）；
        2 = 命令用法有误。`,
  async run(args, { services, io }) {
    const { values, positionals } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      apply: { type: 'boolean' },
      period: { type: 'string' },
      'jump-ratio': { type: 'string' },
      'jump-points': { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    if (positionals.length === 0) throw new UsageError('请给出要导入的填报表文件');
    const levelJumpRatio = positiveNumber(values['jump-ratio'], '--jump-ratio');
    const rateJumpPoints = positiveNumber(values['jump-points'], '--jump-points');
    const files = await readFiles(positionals);
    return withWorkspace(services, dir, async (ws) => {
      const preview = await previewImport(ws, files, {
        ...(values.period ? { period: values.period } : {}),
        anomalies: { ...(levelJumpRatio ? { levelJumpRatio } : {}), ...(rateJumpPoints ? { rateJumpPoints } : {}) },
      });
      const applied = values.apply ? await applyImport(ws, preview) : null;
      if (values.json) {
        io.out(JSON.stringify({ preview, ...(applied ? { applied } : {}) }, null, 2) + '\n');
      } else {
        printReport(io, preview, !values.apply);
        if (applied) {
          for (const a of applied.applied)
            for (const p of a.periods)
              io.out(`已写入：${a.region} ${p.period} 第 ${p.revision} 版（${p.changed} 项，来自 ${a.file}）\n`);
          io.out(
            `共写入 ${applied.changed} 项；被拒绝的 ${applied.skippedCells} 个单元格和 ${applied.refusedFiles} 个被拒绝的文件未写入。\n`,
          );
        }
      }
      return preview.totals.refusedFiles > 0 ? 1 : 0;
    });
  },
};
