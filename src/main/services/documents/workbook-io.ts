import ExcelJS from 'exceljs';

/**
 * The one place exceljs (4.4.0, unmaintained since 2023: pitfalls.md) is loaded. Generators and the importer
 * use these functions and re-exported types, so replacing or patching the library touches one file.
 */
export type Workbook = ExcelJS.Workbook;
export type Worksheet = ExcelJS.Worksheet;
export type Cell = ExcelJS.Cell;
export type CellValue = ExcelJS.CellValue;
export type Style = Partial<ExcelJS.Style>;
export type Borders = Partial<ExcelJS.Borders>;
export type Fill = ExcelJS.Fill;
export type DataValidation = ExcelJS.DataValidation;
export type WorksheetProperties = Partial<ExcelJS.AddWorksheetOptions>;

export function newWorkbook(creator: string): Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = creator;
  wb.lastModifiedBy = creator;
  return wb;
}

export async function workbookToBuffer(wb: Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data as ArrayBuffer);
}

/**
 * Loads a returned workbook with the normal (non-streaming) reader, which keeps merges (the streaming one
 * drops them, exceljs #3000). Data validations are skipped: whole-column rules make loading very slow
 * (#1842) and the importer does its own checks.
 */
export async function loadWorkbook(bytes: Buffer): Promise<Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types its argument as its own Buffer alias; a Node Buffer is what it reads.
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer, { ignoreNodes: ['dataValidations'] });
  return wb;
}

/** Range data validation ("D7:D20"), which exceljs supports but does not declare in its types. */
export function addRangeValidation(ws: Worksheet, range: string, validation: DataValidation): void {
  (ws as unknown as { dataValidations: { add(address: string, v: DataValidation): void } }).dataValidations.add(range, validation);
}
