/**
 * The peer of docs/performance.md ("exceljs with full styling and print setup, built naively"): the same
 * reference table written straight with exceljs — a fresh style object per cell and the library's own
 * writeBuffer. Measured with the same protocol in its own process (it shares exceljs's code with our
 * writer, and each would otherwise run on optimisations made for the other), it turns a noisy machine's
 * absolute numbers into a ratio that means something. `tsx bench/xlsx-naive-peer.ts` prints its result.
 */
import ExcelJS from 'exceljs';
import type { ReportModel } from '../src/shared/report/model';
import { referenceRankingModel } from './reference-ranking';
import { median } from './xlsx.bench';

const thin = (): Partial<ExcelJS.Borders> => ({
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
});

export async function naiveRankingXlsx(model: ReportModel): Promise<number> {
  const table = model.ranking;
  const workbook = new ExcelJS.Workbook();
  const headerRows = table.header.length;
  const sheet = workbook.addWorksheet('亮晒表', {
    pageSetup: {
      paperSize: 9 as ExcelJS.PageSetup['paperSize'],
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: `3:${2 + headerRows}`,
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页' },
    views: [{ state: 'frozen', xSplit: 1, ySplit: 2 + headerRows }],
  });
  sheet.columns = table.columns.map((c) => ({ width: c.width * 1.4 }));
  sheet.getCell(1, 1).value = table.title;
  sheet.getCell(1, 1).style = { font: { name: '方正小标宋简体', size: 20 }, alignment: { horizontal: 'center' } };
  sheet.mergeCells(1, 1, 1, table.columns.length);
  sheet.getCell(2, 1).value = table.subtitle ?? '';
  sheet.mergeCells(2, 1, 2, table.columns.length);

  const covered = new Set<string>();
  table.header.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (covered.has(`${r},${c}`)) c++;
      for (let i = 0; i < cell.rowSpan; i++) for (let j = 0; j < cell.colSpan; j++) covered.add(`${r + i},${c + j}`);
      const target = sheet.getCell(3 + r, 1 + c);
      target.value = cell.text;
      target.style = {
        font: { name: '黑体', size: 11 },
        alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
        border: thin(),
      };
      if (cell.rowSpan > 1 || cell.colSpan > 1) sheet.mergeCells(3 + r, 1 + c, 2 + r + cell.rowSpan, c + cell.colSpan);
      c += cell.colSpan;
    }
  });

  table.rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      const target = sheet.getCell(3 + headerRows + r, 1 + c);
      const numeric = /^-?\d+(\.\d+)?$/.test(cell.text);
      target.value = numeric ? Number(cell.text) : cell.text;
      const fill =
        cell.status === 'ahead' || cell.status === 'top'
          ? 'FFFCE4D6'
          : cell.status === 'behind' || cell.status === 'bottom'
            ? 'FFE2EFDA'
            : undefined;
      target.style = {
        font: { name: numeric ? 'Times New Roman' : '仿宋_GB2312', size: 11, bold: row.isTotal },
        alignment: { horizontal: numeric ? 'right' : 'center', vertical: 'middle' },
        border: thin(),
        ...(numeric ? { numFmt: cell.decimals ? `0.${'0'.repeat(cell.decimals)}` : '0' } : {}),
        ...(fill ? { fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } } } : {}),
      };
    });
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer.byteLength;
}

export async function benchNaiveRankingXlsx(): Promise<{ warmMs: number; bytes: number; coldMs: number }> {
  const model = referenceRankingModel();
  const coldStart = performance.now();
  let bytes = await naiveRankingXlsx(model);
  const coldMs = performance.now() - coldStart;
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = performance.now();
    bytes = await naiveRankingXlsx(model);
    times.push(performance.now() - start);
  }
  return { warmMs: median(times), bytes, coldMs };
}

if (process.argv[1]?.endsWith('xlsx-naive-peer.ts')) {
  void benchNaiveRankingXlsx().then((result) => console.log(JSON.stringify(result)));
}
