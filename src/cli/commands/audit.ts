import { reviewPeriod } from '../../main/services/review/review-service';
import { parseCommandArgs, requireOption } from '../args';
import type { CliCommand } from '../command';
import { withWorkspace } from '../workspace-arg';

function valueText(v: number | string | null): string {
  return v === null ? '未填' : String(v);
}

export const auditCommand: CliCommand = {
  name: 'audit',
  summary: '审核一期数据：全市与区县之和、合理性、同一数据等审核公式，列出错误和提示',
  usage: `用法：npm run cli -- audit --workspace <工作区文件夹> --period <2023-09> [--json]

按审核公式（SH01—SH09）检查该期文稿所用的全部数据，逐条列出：规则、单元格（体系、指标、地区、期别）、
有关的数值、级别（错误 / 提示）和是否已填写说明确认。错误须改正或在界面的“审核”页填写说明确认，
否则不能导出和签发；提示不影响导出。
有未处理的错误时退出码为 1。`,
  async run(args, { services, io }) {
    const { values } = parseCommandArgs(args, {
      workspace: { type: 'string' },
      period: { type: 'string' },
      json: { type: 'boolean' },
    });
    const dir = requireOption(values.workspace, '--workspace');
    const period = requireOption(values.period, '--period');
    return withWorkspace(services, dir, async (ws) => {
      const report = await reviewPeriod(ws, period);
      if (values.json) {
        const findings = report.items.map((i) => ({
          rule: i.code,
          ruleId: i.ruleId,
          name: i.ruleName,
          level: i.level,
          cell: { ...i.cell, system: i.systemTitle, indicator: i.indicatorName, unit: i.unit },
          values: i.values.map((v) => ({ label: v.label, value: v.value, ...(v.cell ? { cell: v.cell } : {}) })),
          message: i.message,
          ...(i.fix ? { fix: i.fix } : {}),
          ...(i.confirmation ? { confirmed: i.confirmation } : {}),
        }));
        io.out(
          JSON.stringify(
            {
              period,
              periodTitle: report.periodTitle,
              counts: report.counts,
              checkedCells: report.checkedCells,
              findings,
            },
            null,
            2,
          ) + '\n',
        );
        return report.counts.openErrors ? 1 : 0;
      }
      const c = report.counts;
      io.out(
        `${report.periodTitle}审核：审核了 ${report.checkedCells} 个数，错误 ${c.errors} 条（未处理 ${c.openErrors} 条），提示 ${c.hints} 条（未核实 ${c.openHints} 条）。\n`,
      );
      for (const d of report.damaged)
        io.err(`注意：${d.period} 的数据文件已损坏（${d.message}），其中的数未能审核。\n`);
      const ordered = [
        ...report.items.filter((i) => i.level === '错误'),
        ...report.items.filter((i) => i.level === '提示'),
      ];
      for (const i of ordered) {
        io.out(
          `\n[${i.level}] ${i.code} ${i.ruleName}｜《${i.systemTitle}》${i.indicatorName}｜${i.cell.region}｜${i.cell.period}\n`,
        );
        io.out(`  ${i.message}\n`);
        io.out(`  数值：${i.values.map((v) => `${v.label}=${valueText(v.value)}`).join('；')}\n`);
        if (i.fix) io.out(`  可取：${i.fix.label}（${i.fix.detail}）\n`);
        if (i.confirmation) io.out(`  已确认：${i.confirmation.note}（${i.confirmation.by}，${i.confirmation.at}）\n`);
        else if (i.lapsed) io.out(`  曾说明：${i.lapsed.note}（数值已修改，须重新确认）\n`);
      }
      if (report.items.length === 0) io.out('没有发现问题。\n');
      return c.openErrors ? 1 : 0;
    });
  },
};
