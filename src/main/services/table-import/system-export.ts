import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { formatPlain } from '../../../shared/domain/format';
import type { Indicator, IndicatorSystem, Milestone, TargetValue } from '../../../shared/schemas/indicator-system';
import {
  activeIndicators,
  cityTargetOf,
  milestonesOf,
  regionTargetOf,
  TOTAL_REGION,
} from '../../../shared/systems/accessors';
import { cellAddress } from '../../../shared/table-import/grid';
import { DIRECTION_NAMES, FREQUENCY_NAMES, KIND_NAMES, RANK_BY_NAMES } from '../../../shared/table-import/vocabulary';
import { safeText } from '../documents/xlsx/cell-content';
import { saveIntoFolder } from '../documents/save-files';
import type { Workspace } from '../storage/workspace';
import { createWorkbook, workbookToBuffer, type Borders, type Worksheet } from '../documents/exceljs';

const MILESTONE_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'] as const;
const MILESTONE_HEADERS: Record<Milestone['period'], string> = {
  Q1: '一季度节点',
  Q2: '二季度节点',
  Q3: '三季度节点',
  Q4: '四季度节点',
  H1: '上半年节点',
  H2: '下半年节点',
};

interface Column {
  /** Top header; a group header spans its columns when `sub` is set. */
  header: string;
  sub?: string;
  width: number;
  value: (ind: Indicator) => TargetValue | string | null;
}

const THIN: Borders = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
  diagonal: {},
};

function safe(v: TargetValue | string | null): TargetValue | string | null {
  return typeof v === 'string' ? safeText(v) : v;
}

function yearsOf(indicators: Indicator[], field: (ind: Indicator) => Record<string, unknown>): string[] {
  const years = new Set<string>();
  for (const ind of indicators) for (const y of Object.keys(field(ind))) years.add(y);
  return [...years].sort();
}

function columnsOf(system: IndicatorSystem, indicators: Indicator[]): Column[] {
  const categoryName = new Map(system.categories.map((c) => [c.id, c.name]));
  const cols: Column[] = [
    { header: '序号', width: 6, value: (i) => i.seq ?? null },
    { header: '指标编号', width: 12, value: (i) => i.id },
    { header: '类别', width: 12, value: (i) => (i.category ? (categoryName.get(i.category) ?? null) : null) },
    {
      header: '指标名称',
      width: 36,
      value: (i) => `${i.parent ? '其中：' : ''}${i.markers.join('')}${i.name}`,
    },
    { header: '单位', width: 10, value: (i) => i.unit },
  ];
  for (const y of yearsOf(indicators, (i) => i.targets))
    cols.push({ header: `${y}年目标`, width: 12, value: (i) => cityTargetOf(i, y) });
  const baseYears = [...new Set(indicators.flatMap((i) => (i.base ? [i.base.year] : [])))].sort();
  for (const y of baseYears)
    cols.push({ header: `${y}年基期值`, width: 12, value: (i) => (i.base?.year === y ? i.base.value : null) });
  if (indicators.some((i) => i.growthTarget))
    cols.push({
      header: '年均/累计增长',
      width: 12,
      value: (i) => {
        const g = i.growthTarget;
        if (!g) return null;
        if (g.basis === 'cumulative' && typeof g.value === 'number') return `[${formatPlain(g.value, 6)}]`;
        return g.value;
      },
    });
  // One block per year of district targets, as a 分解表 prints them: the districts, then 全市.
  for (const y of yearsOf(indicators, (i) => i.regionTargets)) {
    const group = `${y}年分区县目标`;
    for (const region of system.regions)
      cols.push({ header: group, sub: region, width: 10, value: (i) => regionTargetOf(i, region, y) });
    cols.push({ header: group, sub: TOTAL_REGION, width: 10, value: (i) => cityTargetOf(i, y) });
  }
  for (const y of yearsOf(indicators, (i) => i.milestones)) {
    const periods = MILESTONE_PERIODS.filter((p) =>
      indicators.some((i) => milestonesOf(i, y).some((m) => m.period === p)),
    );
    for (const p of periods)
      cols.push({
        header: `${y}年${MILESTONE_HEADERS[p]}`,
        width: 10,
        value: (i) => milestonesOf(i, y).find((m) => m.period === p)?.percent ?? null,
      });
  }
  cols.push(
    { header: '责任单位', width: 20, value: (i) => (i.responsible.length ? i.responsible.join('、') : null) },
    { header: '指标属性', width: 8, value: (i) => i.nature ?? null },
    { header: '指标类型', width: 9, value: (i) => KIND_NAMES[i.kind] },
    { header: '方向', width: 9, value: (i) => DIRECTION_NAMES[i.direction] },
    { header: '小数位数', width: 8, value: (i) => i.decimals },
    { header: '报送频率', width: 8, value: (i) => FREQUENCY_NAMES[i.frequency] },
    { header: '年内累计', width: 8, value: (i) => (i.ytd ? '是' : '否') },
    { header: '排位依据', width: 9, value: (i) => (i.rankBy ? RANK_BY_NAMES[i.rankBy] : null) },
    { header: '全市为区县之和', width: 9, value: (i) => (i.cityIsSumOfRegions ? '是' : '否') },
    { header: '备注', width: 30, value: (i) => (i.notes.length ? i.notes.join('\n') : null) },
  );
  return cols;
}

function writeTable(ws: Worksheet, system: IndicatorSystem, indicators: Indicator[]): void {
  const cols = columnsOf(system, indicators);
  const twoRows = cols.some((c) => c.sub !== undefined);
  const headerTop = 2;
  const headerBottom = twoRows ? 3 : 2;
  ws.mergeCells(1, 1, 1, cols.length);
  const title = ws.getCell(1, 1);
  title.value = system.title;
  title.font = { name: '黑体', size: 14, bold: true };
  title.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 28;
  cols.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  let i = 0;
  while (i < cols.length) {
    const c = cols[i];
    if (!c) break;
    const col = i + 1;
    if (c.sub !== undefined) {
      let end = i;
      while (cols[end + 1]?.header === c.header && cols[end + 1]?.sub !== undefined) end++;
      ws.mergeCells(headerTop, col, headerTop, end + 1);
      ws.getCell(headerTop, col).value = c.header;
      for (let j = i; j <= end; j++) ws.getCell(headerBottom, j + 1).value = cols[j]?.sub ?? '';
      i = end + 1;
      continue;
    }
    if (twoRows) ws.mergeCells(headerTop, col, headerBottom, col);
    ws.getCell(headerTop, col).value = c.header;
    i++;
  }
  for (let r = headerTop; r <= headerBottom; r++)
    for (let c = 1; c <= cols.length; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: '黑体', size: 10 };
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      cell.border = THIN;
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    }
  let row = headerBottom + 1;
  for (const ind of indicators) {
    cols.forEach((c, j) => {
      const cell = ws.getCell(row, j + 1);
      const v = safe(c.value(ind));
      if (v !== null) cell.value = v;
      cell.border = THIN;
      cell.font = { name: '宋体', size: 10 };
      cell.alignment = {
        horizontal: c.header === '指标名称' || c.header === '备注' ? 'left' : 'center',
        vertical: 'middle',
        wrapText: true,
      };
    });
    row++;
  }
  const notes: string[] = [];
  const legend = system.markerLegend;
  if (legend) notes.push((['※', '★', '☆'] as const).map((m) => `${m}是${legend[m]}`).join('；'));
  for (const f of system.footnotes) notes.push(f.text);
  for (const text of notes) {
    ws.mergeCells(row, 1, row, cols.length);
    const cell = ws.getCell(row, 1);
    cell.value = safe(text);
    cell.alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    cell.font = { name: '宋体', size: 10 };
    row++;
  }
  ws.views = [{ state: 'frozen', xSplit: 4, ySplit: headerBottom, topLeftCell: cellAddress(headerBottom + 1, 5) }];
}

function writeAbout(ws: Worksheet, system: IndicatorSystem, indicators: Indicator[]): void {
  const d = system.document;
  const lines = [
    `本工作簿由指标简报助手导出：指标体系“${system.title}”（编号 ${system.id}，${system.city}，${indicators.length} 项指标）。`,
    `来源：${d.title}${d.docNumber ? `（${d.docNumber}）` : ''}${d.issuer ? `，${d.issuer}` : ''}${d.date ? `，${d.date}` : ''}。`,
    '“指标体系”工作表可以直接用“从表格新建”导回程序；修改后导回会新建一个体系，不会覆盖原体系。',
    '指标编号、指标类型、方向、小数位数、报送频率、年内累计、排位依据、全市为区县之和各列是程序计算用的设置，不需要时可以删去，导入时由程序重新推测。',
    '目标为文字时（如“增长6%左右”“完成省下达任务”）按原文保存，程序据此判断是否达到。',
  ];
  const archived = system.indicators.length - indicators.length;
  if (archived > 0) lines.push(`已停用的 ${archived} 项指标没有导出（它们的数据仍保存在工作区中）。`);
  const overrides = indicators.filter((i) => Object.keys(i.regionMilestones).length > 0).length;
  if (overrides > 0)
    lines.push(
      `有 ${overrides} 项指标为个别区县另设了季度节点，本表只列各年统一的节点；区县另设的节点请在程序的指标体系页中查看。`,
    );
  if (system.sample) lines.unshift('示例数据：本体系为演示生成，不是真实目标。');
  ws.getColumn(1).width = 120;
  lines.forEach((text, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = text;
    cell.alignment = { wrapText: true, vertical: 'top' };
  });
}

/** A system as an .xlsx in the 目标体系表 shape "从表格新建" reads back (the round trip is tested). */
export async function exportSystemWorkbook(system: IndicatorSystem): Promise<Buffer> {
  const wb = await createWorkbook();
  const sheet = wb.addWorksheet('指标体系', {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: '2:3',
    },
  });
  const indicators = activeIndicators(system);
  writeTable(sheet, system, indicators);
  writeAbout(wb.addWorksheet('说明'), system, indicators);
  return workbookToBuffer(wb);
}

/** "2026年目标体系表.xlsx": the title, without characters a file name cannot hold. */
export function exportFileName(system: IndicatorSystem): string {
  const base = system.title.replace(/[\\/:*?"<>|]/g, '').slice(0, 80) || system.id;
  return `${system.sample ? '示例数据-' : ''}${base}.xlsx`;
}

/**
 * Writes a system's export into the workspace's exports/systems/ folder (never over an earlier export)
 * and returns the bytes too, for the browser host to offer as a download.
 */
export async function saveSystemExport(
  ws: Workspace,
  systemId: string,
): Promise<{ name: string; relativePath: string; buffer: Buffer }> {
  const system = ws.system(systemId);
  const buffer = await exportSystemWorkbook(system);
  const name = exportFileName(system);
  const folder = join(ws.dir, 'exports', 'systems');
  // Inside the workspace nothing is written through a link planted there (checked again after mkdir).
  await ws.files.assertNoLinks('exports/systems');
  await mkdir(folder, { recursive: true });
  await ws.files.assertNoLinks('exports/systems');
  const [path] = await saveIntoFolder(folder, [{ fileName: name, buffer }]);
  return { name, relativePath: relative(ws.dir, path ?? folder), buffer };
}
