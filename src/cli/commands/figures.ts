import type { FigureValue } from '../../shared/schemas/figure';
import { FiguresReadOptionsSchema } from '../../shared/table-import/figures-table';
import { applyFiguresTable, previewFiguresTable } from '../../main/services/table-import/figures-import';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { damageNotice, problemNotices } from '../notices';
import { withServerWorkspace, workspaceOrUrl } from '../server-arg';
import { withWorkspace } from '../workspace-arg';
import type { PeriodView } from '../../shared/api-types';
import type { IndicatorSystem } from '../../shared/schemas/indicator-system';
import type { WorkspaceFile } from '../../shared/schemas/workspace';

/** What `figures get` reads, from a workspace folder or a server workspace alike. */
interface FigureReader {
  figures: { get(period: string): Promise<PeriodView> };
  systemList(): IndicatorSystem[];
  settings: WorkspaceFile;
  problemList(): string[];
}
import { readTableFile } from './table-files';
import { printFiguresPreview } from './table-import-print';

export interface FigureRow {
  systemId: string;
  indicatorId: string;
  indicatorName: string;
  unit: string;
  region: string;
  value: FigureValue;
}

function formatValue(v: FigureValue): string {
  return v === null ? '（空）' : String(v);
}

export const figuresCommand: CliCommand = {
  name: 'figures',
  summary: '读取或填写某一期的数据（经过与界面相同的校验、锁和审计）',
  usage: `用法：
  npm run cli -- figures get --workspace <工作区文件夹> --period <2023-09> [--system <体系编号>] [--json]
  npm run cli -- figures set --workspace <工作区文件夹> --period <2023-09> --system <体系编号> --indicator <指标编号> --region <区县简称> --value <数值>
  npm run cli -- figures import --workspace <工作区文件夹> --file <数据表.xlsx> [--sheet <工作表>] [--period <2025-09>]
                 [--system <体系编号>] [--json] [--apply]

服务器工作区用 --url postgres://用户名:密码@主机:端口/数据库 代替 --workspace（get 和 set 可以，import 暂不可以）。

--value 可以是数字（如 7.2、1,234.5、5.2%）、“/”表示不适用，或空字符串表示清空。
set 在数据安全写入磁盘后才以 0 退出；数值不合格时不保存并说明原因。

import 从普通 Excel 表导入历史数据（默认只预览，加 --apply 才写入）。读取两种表：
  宽表：每行一个指标，每个区县一列（可有“全市”“全省”列）；一个工作表或一块表格一期，
        统计期取自表格上方的标题或工作表名（如“2025年1—9月”），都没有时用 --period 指定
  长表：期别 / 指标 / 地区 / 数值 四列（可另有“单位”列）
  指标按名称与工作区的指标匹配（--system 只匹配一个体系）；未匹配的名称列出并给出相近的指标。
  每期的数整体写入（一期一个版本），每个数记录来源文件、工作表和单元格；空白单元格不清除已有数据。
  退出码：0 = 没有被拒绝的单元格；1 = 有被拒绝的单元格或未匹配的名称（加 --apply 时其余照常写入）；2 = 用法有误。`,
  async run(args, ctx) {
    const { services, io } = ctx;
    const [sub, ...rest] = args;
    if (sub === 'import') return importFigures(rest, ctx);
    const { values } = parseCommandArgs(rest, {
      workspace: { type: 'string' },
      url: { type: 'string' },
      period: { type: 'string' },
      system: { type: 'string' },
      indicator: { type: 'string' },
      region: { type: 'string' },
      value: { type: 'string' },
      note: { type: 'string' },
      json: { type: 'boolean' },
    });
    const where = workspaceOrUrl(values);
    const period = requireOption(values.period, '--period');
    if (sub === 'get') {
      const read = async (ws: FigureReader) => {
        const view = await ws.figures.get(period);
        const rows: FigureRow[] = [];
        for (const system of ws.systemList()) {
          if (values.system && system.id !== values.system) continue;
          const bySystem = view.figures[system.id] ?? {};
          for (const ind of system.indicators) {
            for (const [region, record] of Object.entries(bySystem[ind.id] ?? {})) {
              rows.push({
                systemId: system.id,
                indicatorId: ind.id,
                indicatorName: ind.name,
                unit: ind.unit,
                region,
                value: record.v,
              });
            }
          }
        }
        if (values.system && !ws.systemList().some((s) => s.id === values.system)) {
          io.err(`本工作区没有编号为“${values.system}”的指标体系。\n`);
          return 1;
        }
        if (values.json) {
          io.out(
            JSON.stringify(
              {
                workspace: ws.settings.name,
                sample: ws.settings.sample,
                period: view.period,
                revision: view.revision,
                ...(view.damage ? { damage: view.damage } : {}),
                // Only when there is something to say, so a healthy workspace prints the shape it always did.
                ...(ws.problemList().length ? { problems: ws.problemList() } : {}),
                figures: rows,
              },
              null,
              2,
            ) + '\n',
          );
        } else {
          io.err(problemNotices(ws.problemList()));
          if (view.damage) io.err(damageNotice(view.damage));
          for (const r of rows)
            io.out(
              `${r.region}\t${r.indicatorName}\t${formatValue(r.value)}${r.value !== null && r.value !== '/' ? r.unit : ''}\n`,
            );
          io.out(
            `${view.period} 共 ${rows.length} 项，第 ${view.revision} 版。${ws.settings.sample ? '（示例数据）' : ''}\n`,
          );
        }
        return view.damage || ws.problemList().length ? 1 : 0;
      };
      return where.url !== undefined
        ? withServerWorkspace(services, where.url, read)
        : withWorkspace(services, where.dir, read, 'read');
    }
    if (sub === 'set') {
      const systemId = requireOption(values.system, '--system');
      const indicatorId = requireOption(values.indicator, '--indicator');
      const region = requireOption(values.region, '--region');
      if (values.value === undefined) throw new UsageError('缺少必填选项 --value');
      const change = {
        systemId,
        indicatorId,
        region,
        value: values.value ?? null,
        ...(values.note !== undefined ? { note: values.note } : {}),
      };
      const result =
        where.url !== undefined
          ? await withServerWorkspace(services, where.url, (ws) => ws.figures.set(period, [change], { kind: 'cli' }))
          : await withWorkspace(services, where.dir, (ws) => ws.setFigures(period, [change], { kind: 'cli' }));
      io.out(
        result.changed
          ? `已保存：${period} 第 ${result.revision} 版。\n`
          : `数值未变化，无需保存（第 ${result.revision} 版）。\n`,
      );
      return 0;
    }
    throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：get、set 或 import');
  },
};

async function importFigures(args: string[], { services, io }: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    workspace: { type: 'string' },
    file: { type: 'string' },
    sheet: { type: 'string' },
    period: { type: 'string' },
    system: { type: 'string' },
    json: { type: 'boolean' },
    apply: { type: 'boolean' },
  });
  const dir = requireOption(values.workspace, '--workspace');
  const source = await readTableFile(requireOption(values.file, '--file'));
  const parsed = FiguresReadOptionsSchema.safeParse({
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(values.period ? { period: values.period } : {}),
    ...(values.system ? { systemId: values.system } : {}),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('；'));
  const request = { source, options: parsed.data };
  return withWorkspace(services, dir, async (ws) => {
    const registries = await services.templates.registries();
    const preview = await previewFiguresTable(ws, request, registries);
    const blocked = preview.messages.some((m) => m.severity === 'error');
    const applied =
      values.apply && !blocked
        ? await applyFiguresTable(ws, request, { digest: preview.digest, basis: preview.basis }, registries)
        : null;
    if (values.json) io.out(JSON.stringify({ preview, ...(applied ? { applied } : {}) }, null, 2) + '\n');
    else {
      printFiguresPreview(io, preview, applied !== null);
      if (applied)
        io.out(
          applied.periods.length
            ? `已写入：${applied.periods.map((p) => `${p.period} 第 ${p.revision} 版（${p.changed} 项）`).join('，')}。\n`
            : '没有需要写入的数。\n',
        );
      else if (values.apply) io.out('表格有错误，未写入任何数据。\n');
    }
    return blocked || preview.totals.rejected > 0 || preview.unmatched.length > 0 ? 1 : 0;
  });
}
