import type { IndicatorSystem } from '../../shared/schemas/indicator-system';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../command';
import { withoutUndefined } from '../../shared/objects';

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
    indicators: system.indicators.map((ind) => ({
      id: ind.id,
      name: ind.name,
      unit: ind.unit,
      category: ind.category ? (categoryName.get(ind.category) ?? ind.category) : null,
      kind: ind.kind,
      direction: ind.direction,
      markers: ind.markers,
      responsible: ind.responsible,
      targets: ind.targets,
      byRegion: ind.byRegion ?? {},
      ...withoutUndefined({
        base: ind.base,
        actuals: ind.actuals,
        growthTarget: ind.growthTarget,
        milestones: ind.milestones,
      }),
      source: ind.source,
    })),
  };
}

function pad(text: string, width: number): string {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? 2 : 1;
  return text + ' '.repeat(Math.max(0, width - w));
}

export const systemsCommand: CliCommand = {
  name: 'systems',
  summary: '查看或导出随程序提供的指标体系模板',
  usage: `用法：
  npm run cli -- systems list                列出所有指标体系（编号、名称、城市、指标数）
  npm run cli -- systems show <编号> [--json]  显示一个指标体系的全部指标
  npm run cli -- systems export --json       以 JSON 输出全部指标体系`,
  async run(args, { services, io }) {
    const [sub, ...rest] = args;
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
      for (const ind of system.indicators) {
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
