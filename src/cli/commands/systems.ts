import { writeFile } from 'node:fs/promises';
import type { Indicator, IndicatorSystem } from '../../shared/schemas/indicator-system';
import { activeIndicators, milestonesOf, regionTargetsOf, TOTAL_REGION } from '../../shared/systems/accessors';
import { TableReadOptionsSchema } from '../../shared/table-import/schemas';
import { exportSystemWorkbook } from '../../main/services/table-import/system-export';
import { applySystemTable, previewSystemTable } from '../../main/services/table-import/system-import';
import { parseCommandArgs, requireOption } from '../args';
import { UsageError, type CliCommand, type CliContext } from '../command';
import { withWorkspace } from '../workspace-arg';
import {
  isJsonFileExport,
  runWorkspaceSystems,
  WORKSPACE_SUBCOMMANDS,
  workspaceSystemsUsage,
} from './systems-workspace';
import { readTableFile } from './table-files';
import { printSystemPreview } from './table-import-print';

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
  summary: '查看、导出随程序提供的指标体系模板；工作区的体系：从表格新建、新建下一年度、添加、导出、修改记录',
  usage: `用法：
  npm run cli -- systems list                列出所有指标体系（编号、名称、城市、指标数）
  npm run cli -- systems show <编号> [--json]  显示一个指标体系的全部指标
  npm run cli -- systems export --json       以 JSON 输出全部指标体系${workspaceSystemsUsage}
  npm run cli -- systems export --workspace <工作区> --system <体系编号> --out <文件.xlsx>
                                             把工作区中的体系导出为目标表（“从表格新建”能读回的格式）
  npm run cli -- systems import --workspace <工作区> --file <目标表.xlsx> [--sheet <工作表>]
                 [--year <2026>] [--title <体系名称>] [--json] [--apply]
                                             从目标表新建指标体系。默认只预览，不写入；加 --apply 才保存

import 读取的表格形式（见 docs/indicator-system-format.md “从表格新建”）：
  目标体系表：序号 / 类别（可合并单元格）/ 指标名称（可在括号中注明单位，可带 ※★☆ 标记）/ 单位 / 目标值 / 责任单位
  区县任务分解表：每行一个指标，每个区县一列，另有“全市”列；表头可为两行合并单元格（如“2026年目标”下分各区县）
  年份列：2023年 / 2025年 / 2027年，或“2023年目标”“2025年目标值”
  --file 也可以是 .txt/.tsv 文本（从 Excel、WPS 或 Word 复制表格后粘贴保存，制表符分隔）
  --sheet  读取指定工作表（默认读取指标行最多的一个）
  --year   表名和表头都没有写年份时，目标所属的年份（默认今年）
  --json   以 JSON 输出预览（和导入结果）
import 的退出码：0 = 可以导入（加 --apply 时已保存）；1 = 表格中有需要改正的错误，未保存；2 = 命令用法有误。`,
  async run(args, ctx) {
    const { services, io } = ctx;
    const [sub, ...rest] = args;
    if (sub && (WORKSPACE_SUBCOMMANDS as readonly string[]).includes(sub)) return runWorkspaceSystems(sub, rest, ctx);
    if (sub === 'export' && isJsonFileExport(rest)) return runWorkspaceSystems('export-file', rest, ctx);
    if (sub === 'import') return importSystem(rest, ctx);
    if (sub === 'export' && rest.some((a) => a === '--workspace' || a.startsWith('--workspace=')))
      return exportSystemXlsx(rest, ctx);
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
    throw new UsageError(sub ? `不认识的子命令“${sub}”` : '请给出子命令：list、show、export 或 import');
  },
};

async function importSystem(args: string[], { services, io }: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    workspace: { type: 'string' },
    file: { type: 'string' },
    sheet: { type: 'string' },
    year: { type: 'string' },
    title: { type: 'string' },
    json: { type: 'boolean' },
    apply: { type: 'boolean' },
  });
  const dir = requireOption(values.workspace, '--workspace');
  const source = await readTableFile(requireOption(values.file, '--file'));
  const parsed = TableReadOptionsSchema.safeParse({
    ...(values.sheet ? { sheet: values.sheet } : {}),
    ...(values.year ? { year: values.year } : {}),
    ...(values.title ? { title: values.title } : {}),
  });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('；'));
  const request = { source, options: parsed.data };
  return withWorkspace(services, dir, async (ws) => {
    const deps = { registries: await services.templates.registries(), now: new Date() };
    const preview = await previewSystemTable(ws, request, deps);
    const canApply = preview.system !== null && preview.counts.errors === 0;
    const applied = values.apply && canApply ? (await applySystemTable(ws, request, deps)).system : null;
    if (values.json)
      io.out(JSON.stringify({ preview, ...(applied ? { applied: { id: applied.id } } : {}) }, null, 2) + '\n');
    else {
      printSystemPreview(io, preview, applied !== null);
      if (applied)
        io.out(
          `已保存为本工作区的指标体系“${applied.title}”（编号 ${applied.id}，${applied.indicators.length} 项指标）。\n`,
        );
      else if (values.apply) io.out('有错误未改正，未保存。\n');
    }
    return canApply ? 0 : 1;
  });
}

async function exportSystemXlsx(args: string[], { services, io }: CliContext): Promise<number> {
  const { values } = parseCommandArgs(args, {
    workspace: { type: 'string' },
    system: { type: 'string' },
    out: { type: 'string' },
  });
  const dir = requireOption(values.workspace, '--workspace');
  const id = requireOption(values.system, '--system');
  const out = requireOption(values.out, '--out');
  if (!out.toLowerCase().endsWith('.xlsx'))
    throw new UsageError('--out 应为 .xlsx 文件（目标表）或 .json 文件（体系文件）');
  return withWorkspace(services, dir, async (ws) => {
    const system = ws.system(id);
    await writeFile(out, await exportSystemWorkbook(system));
    io.out(`已导出“${system.title}”（${system.indicators.length} 项指标）到 ${out}\n`);
    return 0;
  });
}
