import { resolve } from 'node:path';
import { isCalendarDate } from '../../shared/schemas/calendar-date';
import type { ExportResult } from '../../shared/api-types';
import { DocumentKindSchema } from '../../shared/schemas/briefing';
import { parsePeriodOrThrow } from '../../main/services/reports/figure-loader';
import { exportDocuments, type ExportPart } from '../../main/services/reports/export-service';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand, type CliIo } from '../command';
import { withWorkspace } from '../workspace-arg';

/** Prints what was written and the format checker's verdict; failed checks are listed with their values. */
export function printExport(io: CliIo, result: ExportResult & { absolutePaths: string[] }): void {
  for (const p of result.absolutePaths) io.out(`已生成：${p}\n`);
  if (result.checks.length) {
    const failed = result.checks.filter((c) => !c.pass);
    const format = result.checks.filter((c) => c.group !== '内容');
    const content = result.checks.filter((c) => c.group === '内容');
    const passed = (list: typeof format) => list.filter((c) => c.pass).length;
    io.out(
      `格式检查：${passed(format)}/${format.length} 项通过${content.length ? `；内容检查：${passed(content)}/${content.length} 项通过` : ''}${failed.length ? '' : '。'}\n`,
    );
    for (const c of failed) io.out(`  未通过：${c.label}（实测 ${c.measured}，要求 ${c.expected}）\n`);
  }
  for (const w of result.warnings) io.err(`注意：${w}\n`);
}

function issueDateOf(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m || !isCalendarDate(text)) throw new UsageError(`--date 应为确实存在的日期，如 2023-10-08，收到“${text}”`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
}

function documentCommand(name: string, summary: string, usage: string, parts: ExportPart[]): CliCommand {
  return {
    name,
    summary,
    usage,
    async run(args, { services, io }) {
      const { values } = parseCommandArgs(args, {
        workspace: { type: 'string' },
        period: { type: 'string' },
        kind: { type: 'string' },
        out: { type: 'string' },
        date: { type: 'string' },
        'with-ranking': { type: 'boolean' },
        copy: { type: 'boolean' },
      });
      const dir = requireOption(values.workspace, '--workspace');
      const periodKey = requireOption(values.period, '--period');
      const out = requireOption(values.out, '--out');
      const kind = DocumentKindSchema.safeParse(values.kind ?? '简报');
      if (!kind.success) throw new UsageError(`--kind 应为 简报、运行分析报告 或 通报，收到“${values.kind}”`);
      const period = parsePeriodOrThrow(periodKey);
      return withWorkspace(
        services,
        dir,
        async (ws) => {
          const result = await exportDocuments(ws, {
            period,
            periodKey,
            kind: kind.data,
            issueDate: issueDateOf(values.date),
            parts: values['with-ranking'] && !parts.includes('xlsx') ? [...parts, 'xlsx'] : parts,
            outDir: resolve(out),
            asCopy: values.copy === true,
          });
          printExport(io, result);
          return result.checks.every((c) => c.pass) ? 0 : 1;
        },
        'read',
      );
    },
  };
}

export const briefingCommand = documentCommand(
  'briefing',
  '生成某一期的简报（或运行分析报告、通报）.docx，并做格式检查',
  `用法：npm run cli -- briefing --workspace <工作区文件夹> --period <2023-09> [--kind 简报|运行分析报告|通报] --out <输出文件夹> [--date 2023-10-08] [--with-ranking] [--copy]

按工作区的设置（简报名称、编印单位、报送范围、期号、字体）生成公文版式的 .docx；
--with-ranking 同时生成亮晒表 .xlsx（一次得到当月全部材料）；
输出文件夹中已有同名文件时替换它，加 --copy 则保留旧文件、新文件名后加“（2）”。
已修改过的段落、按语、存在问题和下步工作会替换自动起草的内容。期号不会因此增加（只有“签发”才会）。
格式检查有未通过项时以 1 退出。`,
  ['docx'],
);

export const rankingCommand = documentCommand(
  'ranking',
  '生成某一期各区县主要指标亮晒表 .xlsx（含赛马综合得分）',
  `用法：npm run cli -- ranking --workspace <工作区文件夹> --period <2023-09> --out <输出文件夹> [--copy]

输出文件夹中已有同名文件时替换它，加 --copy 则保留旧文件、新文件名后加“（2）”。`,
  ['xlsx'],
);
