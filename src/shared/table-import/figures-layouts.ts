import type { Period } from '../domain/periods';
import { parsePeriod } from '../domain/periods';
import { periodTitle } from '../domain/period-labels';
import { cellAddress, cellLabel, type GridView } from './grid';
import { joinLines, splitIndicatorName } from './names';
import { periodFromText } from './period-text';
import type { FiguresReadOptions } from './figures-types';
import { numeric, type Reader } from './figures-reader';
import { guessHeader } from './vocabulary';

function periodNear(view: GridView, from: number, to: number): { period: Period; text: string } | null {
  for (let r = to; r >= from; r--) {
    for (const { text } of view.rowTexts(r)) {
      const p = periodFromText(text);
      if (p) return { period: p, text: text.replace(/\s+/g, '') };
    }
  }
  return null;
}

function chosenPeriod(options: FiguresReadOptions): { period: Period; text: string } | null {
  if (!options.period) return null;
  const p = parsePeriod(options.period);
  return { period: p, text: periodTitle(p) };
}

export function isWideHeader(view: GridView, row: number, reader: Reader): boolean {
  if (numeric(view, row)) return false;
  return view.rowTexts(row).filter(({ text }) => reader.region(text) !== null).length >= 2;
}

export function readWide(view: GridView, reader: Reader, headers: number[], options: FiguresReadOptions): void {
  headers.forEach((h, i) => {
    const end = (headers[i + 1] ?? view.rowCount + 1) - 1;
    const previousEnd = i === 0 ? 0 : (headers[i - 1] ?? 0);
    let nameCol: number | undefined;
    let unitCol: number | undefined;
    const regionCols: { col: number; region: string }[] = [];
    for (let c = 1; c <= view.colCount; c++) {
      const text = view.text(h, c);
      const g = guessHeader(text);
      const r = reader.region(text);
      if (r && 'region' in r) regionCols.push({ col: c, region: r.region });
      else if (r && 'reason' in r)
        reader.messages.push({
          severity: 'warning',
          cell: cellAddress(h, c),
          text: `${cellLabel(view.name, cellAddress(h, c))}：${r.reason}，该列未导入。如需导入，请先在工作区中添加该区县`,
        });
      else if (g?.role === 'name' && nameCol === undefined) nameCol = c;
      else if (g?.role === 'unit' && unitCol === undefined) unitCol = c;
      else if (text !== '' && nameCol !== undefined && c > nameCol)
        reader.messages.push({
          severity: 'info',
          cell: cellAddress(h, c),
          text: `${cellLabel(view.name, cellAddress(h, c))}：列“${text}”不是区县，未导入`,
        });
    }
    nameCol ??= firstTextColumn(
      view,
      h + 1,
      end,
      regionCols.map((r) => r.col),
    );
    if (nameCol === undefined) {
      reader.messages.push({
        severity: 'error',
        cell: cellAddress(h, 1),
        text: `${cellLabel(view.name, `第 ${h} 行`)}的表头下面找不到指标名称列。请在表头中写“指标名称”，或把指标名称放在第一列`,
      });
      return;
    }
    const found =
      periodNear(view, previousEnd + 1, h) ??
      (periodFromText(view.name) ? { period: periodFromText(view.name) as Period, text: view.name } : null) ??
      chosenPeriod(options);
    const reason = !found
      ? '没有找到统计期'
      : found.text === view.name
        ? `取自工作表名“${view.name}”`
        : options.period && found.text === periodTitle(parsePeriod(options.period))
          ? '由您选择'
          : `取自“${found.text}”`;
    if (!found)
      reader.messages.push({
        severity: 'error',
        cell: cellAddress(h, 1),
        text: `${cellLabel(view.name, `第 ${h} 行`)}起的表格没有写统计期（表名、工作表名都没有“2025年1—9月”这样的字样）。请在预览中选择统计期，或在表格上方写明`,
      });
    let lastRow = h;
    for (let r = h + 1; r <= end; r++) {
      if (view.isBlankRow(r)) continue;
      const nameText = joinLines(view.text(r, nameCol));
      if (nameText === '' || periodFromText(nameText) !== null) continue;
      const parts = splitIndicatorName(nameText);
      const unitText = unitCol !== undefined ? view.text(r, unitCol).trim() : '';
      const printedUnit = unitText !== '' ? unitText : parts.unit;
      lastRow = r;
      for (const rc of regionCols)
        reader.figure(
          view,
          r,
          rc.col,
          parts.name,
          printedUnit,
          rc.region,
          found?.period ?? null,
          found ? periodTitle(found.period) : '',
        );
    }
    reader.blocks.push({
      sheet: view.name,
      layout: 'wide',
      headerRow: h,
      lastRow,
      ...(found ? { periodTitle: periodTitle(found.period) } : {}),
      periodReason: reason,
    });
  });
}

function firstTextColumn(view: GridView, from: number, to: number, skip: number[]): number | undefined {
  for (let c = 1; c <= view.colCount; c++) {
    if (skip.includes(c)) continue;
    let text = 0;
    let filled = 0;
    for (let r = from; r <= Math.min(to, from + 100); r++) {
      const cell = view.own(r, c);
      if (!cell) continue;
      filled++;
      if (cell.number === undefined && !/^[-+]?[\d.,]+%?$/.test(cell.text)) text++;
    }
    if (filled > 0 && text / filled >= 0.6) return c;
  }
  return undefined;
}

export function readLong(
  view: GridView,
  reader: Reader,
  h: number,
  cols: Map<string, number>,
  options: FiguresReadOptions,
): void {
  const periodCol = cols.get('period');
  const nameCol = cols.get('name') ?? 0;
  const regionCol = cols.get('region') ?? 0;
  const valueCol = cols.get('value') ?? 0;
  const unitCol = cols.get('unit');
  const chosen = chosenPeriod(options);
  let lastRow = h;
  for (let r = h + 1; r <= view.rowCount; r++) {
    if (view.isBlankRow(r)) continue;
    const nameText = joinLines(view.text(r, nameCol));
    if (nameText === '') continue;
    lastRow = r;
    const parts = splitIndicatorName(nameText);
    const periodText = periodCol !== undefined ? view.text(r, periodCol) : '';
    const period = periodText ? periodFromText(periodText) : (chosen?.period ?? null);
    if (periodText && !period) {
      reader.messages.push({
        severity: 'error',
        row: r,
        cell: cellAddress(r, periodCol ?? 1),
        text: `${cellLabel(view.name, cellAddress(r, periodCol ?? 1))}：统计期“${periodText}”无法识别，该行未导入。请写成“2025年1—9月”“2025年三季度”“2025-09”或“2025年”`,
      });
      continue;
    }
    const regionText = view.text(r, regionCol);
    const region = reader.region(regionText);
    if (!region || 'reason' in region) {
      reader.messages.push({
        severity: 'error',
        row: r,
        cell: cellAddress(r, regionCol),
        text: `${cellLabel(view.name, cellAddress(r, regionCol))}：${region && 'reason' in region ? region.reason : `“${regionText}”不是区县名称`}，该行未导入`,
      });
      continue;
    }
    const unitText = unitCol !== undefined ? view.text(r, unitCol).trim() : '';
    reader.figure(
      view,
      r,
      valueCol,
      parts.name,
      unitText !== '' ? unitText : parts.unit,
      region.region,
      period,
      periodText || (chosen?.text ?? ''),
    );
  }
  reader.blocks.push({ sheet: view.name, layout: 'long', headerRow: h, lastRow, periodReason: '每行的统计期列' });
}
