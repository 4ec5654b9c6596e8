import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';

/** Reads a produced .xlsx back the way a returned workbook would be read. */
export async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** One part of the package as text ("xl/workbook.xml"). */
export function xlsxPart(buffer: Buffer, name: string): string {
  const part = unzipSync(new Uint8Array(buffer))[name];
  if (!part) throw new Error(`no ${name} in the package`);
  return strFromU8(part);
}

/** The text a cell shows as stored: plain strings and rich text runs joined; numbers as null. */
export function cellText(cell: ExcelJS.Cell): string | null {
  const value = cell.value;
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return null;
}

/** Every stored text of a sheet (merged slaves excluded), with its address. */
export function sheetTexts(sheet: ExcelJS.Worksheet): { address: string; text: string }[] {
  const texts: { address: string; text: string }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const text = cellText(cell);
      if (text !== null) texts.push({ address: cell.address, text });
    }),
  );
  return texts;
}
