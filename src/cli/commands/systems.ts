import type { Indicator, IndicatorSystem } from '../../shared/schemas/indicator-system';
import { activeIndicators, milestonesOf, regionTargetsOf, TOTAL_REGION } from '../../shared/systems/accessors';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../command';
import {
  isJsonFileExport,
  runWorkspaceSystems,
  WORKSPACE_SUBCOMMANDS,
  workspaceSystemsUsage,
} from './systems-workspace';

/**
 * The year whose district targets and milestones fill the flat `byRegion` and `milestones` of the export
 * (the shape of format 1, kept for other tools): the first year that has any. The per-year records follow
 * in `regionTargets` and `milestonesByYear`.
 */
function exportYear(ind: Indicator): string | undefined {
  const years = [
    ...Object.keys(ind.regionTargets),
    ...Object.keys(ind.milestones),
    ...Object.keys(ind.regionMilestones),
  ].sort();
  return years[0];
}

function flatByRegion(ind: Indicator, year: string | undefined): Record<string, unknown> {
  if (!year) return {};
  const districts = regionTargetsOf(ind, year);
  if (Object.keys(districts).length === 0) return {};
  const city = ind.targets[year];
  return { ...districts, ...(city !== undefined ? { [TOTAL_REGION]: city } : {}) };
}

/** The export shape promised to other tools (docs/indicator-system-format.md, "导出"). */
export function exportSystem(system: IndicatorSystem) {
  const categoryName = new Map(system.categories.map((c) => [c.id, c.name]));
  return {
    id: system.id,
    title: system.title,
    document: system.document.title,
    documentNumber: system.document.docNumber ?? null,
    city: system.city,
    years: system.years,
    regions: system.regions,
    indicators: activeIndicators(system).map((ind) => {
      const year = exportYear(ind);
      const milestones = year ? milestonesOf(ind, year) : [];
      return {
        id: ind.id,
        name: ind.name,
        unit: ind.unit,
        category: ind.category ? (categoryName.get(ind.category) ?? ind.category) : null,
        kind: ind.kind,
        direction: ind.direction,
        markers: ind.markers,
        responsible: ind.responsible,
        targets: ind.targets,
        byRegion: flatByRegion(ind, year),
        ...(ind.base ? { base: ind.base } : {}),
        ...(ind.actuals ? { actuals: ind.actuals } : {}),
        ...(ind.growthTarget ? { growthTarget: ind.growthTarget } : {}),
        ...(milestones.length ? { milestones } : {}),
        ...(ind.source ? { source: ind.source } : {}),
        regionTargets: ind.regionTargets,
        milestonesByYear: ind.milestones,
        regionMilestones: ind.regionMilestones,
      };
    }),
  };
}

function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - w));
}

export const systemsCommand: CliCommand = {
  name: 'systems',
  summary: '查看、导出随程序提供的指标体系模板；工作区的体系：新建下一年度、添加、导出、修改记录',
  usage: `用法：
  npm run cli -- systems list                列出所有指标体系（编号、名称、城市、指标数）
  npm run cli -- systems show <编号> [--json]  显示一个指标体系的全部指标
  npm run cli -- systems export --json       以 JSON 输出全部指标体系${workspaceSystemsUsage}`,
  async run(args, ctx) {
    const { services, io } = ctx;
    const [sub, ...rest] = args;
    if (sub && (WORKSPACE_SUBCOMMANDS as readonly string[]).includes(sub)) return runWorkspaceSystems(sub, rest, ctx);
    if (sub === 'export' && isJsonFileExport(rest)) return runWorkspaceSystems('export-file', rest, ctx);
    const { values, positionals } = parseCommandArgs(rest, { json: { type: 'boolean' } });
    if (sub === 'list') {
      const list = await services.templates.list();
      if (values.json) {
        io.out(JSON.stringify(list, null, 2) + '\n');
        return 0;
      }
      for (const s of list)
        io.out(`${pad(s.id, 34)} ${pad(s.city, 5)} ${String(s.indicatorCount).padStart(4)} 项  ${s.title}\n`);
      io.out(`共 ${list.length} 套指标体系。\n`);
      return 0;
    }
    if (sub === 'show') {
      const id = positionals[0];
      if (!id) throw new UsageError('请给出指标体系编号，例如 systems show hz-mfg-cluster-targets-2023');
      const system = await services.templates.get(id);
      if (values.json) {
        io.out(JSON.stringify(system, null, 2) + '\n');
        return 0;
      }
      io.out(
        `${system.title}（${system.city}）\n来源：${system.document.title}${system.document.docNumber ? ' ' + system.document.docNumber : ''}\n`,
      );
      const categoryName = new Map(system.categories.map((c) => [c.id, c.name]));
      for (const ind of activeIndicators(system)) {
        const targets = Object.entries(ind.targets)
          .map(([y, v]) => `${y}年 ${v}`)
          .join('；');
        io.out(
          `${pad(ind.seq ?? '', 4)}${pad(ind.category ? (categoryName.get(ind.category) ?? '') : '', 14)}${ind.markers.join('')}${ind.name}（${ind.unit || '无单位'}）  ${targets}\n`,
        );
      }
      return 0;
    }
    if (sub === 'export') {
      if (!values.json) throw new UsageError('目前只支持 --json 导出');
      const systems = await services.templates.all();
      io.out(JSON.stringify({ systems: systems.map(exportSystem) }, null, 2) + '\n');
      return 0;
    }
    throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：list、show 或 export');
  },
};
