import type { FigureValue } from '../../shared/schemas/figure';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand } from '../command';
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

服务器工作区用 --url postgres://用户名:密码@主机:端口/数据库 代替 --workspace（get 和 set 均可）。

--value 可以是数字（如 7.2、1,234.5、5.2%）、“/”表示不适用，或空字符串表示清空。
set 在数据安全写入磁盘后才以 0 退出；数值不合格时不保存并说明原因。`,
  async run(args, { services, io }) {
    const [sub, ...rest] = args;
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
    throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：get 或 set');
  },
};
