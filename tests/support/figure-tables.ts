import ExcelJS from 'exceljs';
import { HZ_DISTRICTS } from './target-tables';

/** Past figures as offices keep them (示例数据: every number here is made up for the tests). */

export interface WideBlock {
  /** Printed above the table ("2025年1—9月主要指标完成情况"), or null for none. */
  title: string | null;
  rows: [string, ...(number | string | null)[]][];
}

/**
 * A wide sheet: rows = indicators, columns = the six districts and 全市; one block per period, each under
 * its own title, or the period in the sheet name.
 */
export async function wideFigures(
  sheets: { name: string; blocks: WideBlock[]; unitColumn?: boolean }[],
  regions: string[] = [...HZ_DISTRICTS, '全市'],
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    let row = 1;
    for (const b of s.blocks) {
      if (b.title) {
        ws.getCell(row, 1).value = b.title;
        ws.mergeCells(row, 1, row, regions.length + (s.unitColumn ? 2 : 1));
        row++;
      }
      const header = ['指标名称', ...(s.unitColumn ? ['单位'] : []), ...regions];
      header.forEach((h, i) => (ws.getCell(row, i + 1).value = h));
      row++;
      for (const r of b.rows) {
        r.forEach((v, i) => {
          if (v !== null) ws.getCell(row, i + 1).value = v;
        });
        row++;
      }
      row++;
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A long sheet: 期别 / 指标 / 地区 / 数值. */
export async function longFigures(rows: [string, string, string, number | string][], extraRows = 0): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('数据');
  ws.addRow(['期别', '指标', '地区', '数值']);
  for (const r of rows) ws.addRow(r);
  for (let i = 0; i < extraRows; i++)
    ws.addRow(['2024年1—12月', `其他指标${i % 300}`, HZ_DISTRICTS[i % 6] ?? '吴兴', i]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
