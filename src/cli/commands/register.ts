import { DocumentKindSchema } from '../../shared/schemas/briefing';
import { isCalendarDate } from '../../shared/schemas/calendar-date';
import { issueDocument } from '../../main/services/register/issue-document';
import { listIssued } from '../../main/services/register/register-files';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

function dayText(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export const issueCommand: CliCommand = {
  name: 'issue',
  summary: '签发一期文稿：把 .docx 和排名表 .xlsx 原样存入工作区（附 SHA-256），编号加一',
  usage: `用法：npm run cli -- issue --workspace <工作区文件夹> --period <2023-09> --kind <简报|运行分析报告|通报>
                         [--date <2023-10-12>] [--correct --reason <更正原因>]

签发后文件存入工作区的 issued/<年>/<编号>/ 文件夹，登记在 issued/register.json，不会再被改写。
同一统计期、同一种类只能签发一次；已签发的再次签发会被拒绝（退出码 1），如需改动请用 --correct
并用 --reason 写明原因：更正稿沿用原编号，标明“更正”，印出更正说明，编号不再加一。
有未处理的审核错误时不能签发（先运行 audit 查看）。
选项：
  --date      成文日期（年-月-日），默认今天
  --correct   签发更正稿
  --reason    更正的原因（与 --correct 一起用）`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      kind: { type: 'string' },
      date: { type: 'string' },
      correct: { type: 'boolean' },
      reason: { type: 'string' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const period = requireOption(values.period, '--period');
    const kind = DocumentKindSchema.safeParse(requireOption(values.kind, '--kind'));
    if (!kind.success) throw new UsageError(`--kind 应为 简报、运行分析报告 或 通报，收到“${values.kind}”`);
    if (values.date !== undefined && !isCalendarDate(values.date))
      throw new UsageError(`--date 应为确实存在的日期，如 2023-10-12，收到“${values.date}”`);
    if (values.reason !== undefined && !values.correct) throw new UsageError('--reason 只能与 --correct 一起用');
    if (values.correct && !values.reason) throw new UsageError('更正须用 --reason 写明原因');
    return withWorkspace(services, dir, async (ws) => {
      const { document, warnings } = await issueDocument(ws, {
        period,
        kind: kind.data,
        ...(values.date ? { date: values.date } : {}),
        ...(values.correct && values.reason ? { correct: { reason: values.reason } } : {}),
      });
      io.out(
        `已签发${document.kind}${document.label}（${document.periodTitle}），成文日期 ${dayText(document.issueDate)}，签发人 ${document.issuedBy}：\n`,
      );
      for (const f of document.files) io.out(`  ${f.path}\n    SHA-256 ${f.sha256}\n`);
      for (const w of warnings) io.err(`注意：${w}\n`);
      return 0;
    });
  },
};

export const issuedCommand: CliCommand = {
  name: 'issued',
  summary: '列出已签发的文稿（种类、编号、统计期、日期、签发人、文件），并核对每个文件的校验值',
  usage: `用法：npm run cli -- issued --workspace <工作区文件夹> [--json]

列出 issued/register.json 中登记的每一份签发文稿，并按 SHA-256 核对 issued 文件夹中的文件；
有文件被改动或丢失时逐个列出，退出码为 1。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, { workspace: { type: 'string' }, json: { type: 'boolean' } });
    const dir = requireOption(values.workspace, '--workspace');
    return withWorkspace(services, dir, async (ws) => {
      const { documents, problems } = await listIssued(ws);
      if (values.json) {
        io.out(JSON.stringify({ documents, problems }, null, 2) + '\n');
        return problems.length ? 1 : 0;
      }
      if (documents.length === 0) io.out('还没有签发过文稿。\n');
      for (const d of documents) {
        io.out(
          `${d.kind}\t${d.label}\t${d.periodTitle}\t成文 ${dayText(d.issueDate)}\t${d.issuedBy}\t${d.issuedAt}${d.sample ? '\t示例数据' : ''}\n`,
        );
        if (d.correction) io.out(`  更正原因：${d.correction.reason}\n`);
        for (const f of d.files) {
          const problem = d.checks.find((c) => c.name === f.name)?.problem;
          io.out(`  ${problem ? '✗' : '✓'} ${f.path}\n`);
        }
      }
      if (problems.length) {
        io.err(`有 ${problems.length} 个签发文件与签发时不符：\n`);
        for (const p of problems) io.err(`  ${p}\n`);
        return 1;
      }
      if (documents.length) io.out(`共 ${documents.length} 份，文件均与签发时一致。\n`);
      return 0;
    });
  },
};
