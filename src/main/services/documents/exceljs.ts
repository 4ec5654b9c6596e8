/**
 * The only module that imports exceljs (pinned at 4.4.0, unmaintained since 2023): everything the
 * writers need from it goes through here, so a replacement or a patch touches one file.
 * The library is loaded on first use, so commands that write no workbook do not pay for it.
 */
import { zipSync, type Zippable } from 'fflate';
import type * as ExcelJsModule from 'exceljs';

export type {
  Alignment,
  Borders,
  Cell,
  CellValue,
  DataValidation,
  Fill,
  Font,
  HeaderFooter,
  PageSetup,
  Style,
  Workbook,
  Worksheet,
} from 'exceljs';

type WorkbookClass = typeof ExcelJsModule.Workbook;
let loading: Promise<WorkbookClass> | undefined;

/**
 * exceljs's main entry also loads its streaming reader and writer (archiver, unzipper …), which we never
 * use: requiring the Workbook class alone takes about a third of the time, and that is most of a cold
 * export. The package has no exports map, so the deep path resolves; the main entry stays the fallback.
 */
function loadWorkbookClass(): Promise<WorkbookClass> {
  loading ??= import('exceljs/lib/doc/workbook.js')
    .then((m) => defaultOf<WorkbookClass>(m))
    .catch(() => import('exceljs').then((m) => defaultOf<typeof ExcelJsModule>(m).Workbook));
  return loading;
}

/** A CommonJS module's exports, whether the importer wrapped them in a namespace or not. */
function defaultOf<T>(m: unknown): T {
  const record = m as { default?: unknown };
  return (record.default ?? m) as T;
}

/** A new, empty workbook stamped with the app as its author. */
export async function createWorkbook(): Promise<ExcelJsModule.Workbook> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  workbook.creator = '指标简报助手';
  workbook.lastModifiedBy = '指标简报助手';
  return workbook;
}

/**
 * The part-writing steps of exceljs 4.4.0's XLSX.write(), in its order. exceljs hands each finished part
 * to a JSZip wrapper whose asynchronous, chunked deflate took about 40 % of the ranking workbook's time;
 * collecting the parts and zipping them with fflate in one synchronous call does the same job in a few
 * milliseconds. These are exceljs internals: if a different exceljs lacks them, the public writeBuffer
 * is used instead.
 */
const PART_STEPS = [
  'addContentTypes',
  'addOfficeRels',
  'addWorkbookRels',
  'addWorksheets',
  'addSharedStrings',
  'addDrawings',
  'addTables',
  'addThemes',
  'addStyles',
  'addMedia',
  'addApp',
  'addCore',
  'addWorkbook',
] as const;

interface PartSink {
  append(data: string | Uint8Array, options: { name: string; base64?: boolean }): void;
}

type XlsxInternals = {
  prepareModel(model: unknown, options: Record<string, never>): void;
} & Record<(typeof PART_STEPS)[number], (zip: PartSink, model: unknown) => Promise<unknown> | unknown>;

function hasInternals(xlsx: unknown): xlsx is XlsxInternals {
  const record = xlsx as Record<string, unknown>;
  return typeof record.prepareModel === 'function' && PART_STEPS.every((step) => typeof record[step] === 'function');
}

/** The finished .xlsx bytes. */
export async function workbookToBuffer(workbook: ExcelJsModule.Workbook): Promise<Buffer> {
  const xlsx: unknown = workbook.xlsx;
  if (!hasInternals(xlsx)) {
    const data: unknown = await workbook.xlsx.writeBuffer();
    // exceljs declares its own Buffer type; at run time Node gets a real one.
    if (!Buffer.isBuffer(data)) throw new Error('exceljs returned no Buffer');
    return data;
  }
  const parts: Zippable = {};
  const sink: PartSink = {
    append(data, options) {
      parts[options.name] = typeof data === 'string' ? Buffer.from(data, options.base64 ? 'base64' : 'utf8') : data;
    },
  };
  const model = workbook.model;
  xlsx.prepareModel(model, {});
  for (const step of PART_STEPS) await xlsx[step](sink, model);
  return Buffer.from(zipSync(parts, { level: 1 }));
}

/**
 * Loads a returned workbook with the normal (non-streaming) reader, which keeps merges (the streaming one
 * drops them, exceljs #3000). Data validations are skipped: whole-column rules make loading very slow
 * (#1842) and the importer does its own checks.
 */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJsModule.Workbook> {
  const Workbook = await loadWorkbookClass();
  const workbook = new Workbook();
  // exceljs types its argument as its own Buffer alias; a Node Buffer is what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJsModule.Buffer, { ignoreNodes: ['dataValidations'] });
  return workbook;
}

/** Range data validation ("D7:D20"), which exceljs supports but does not declare in its types. */
export function addRangeValidation(
  ws: ExcelJsModule.Worksheet,
  range: string,
  validation: ExcelJsModule.DataValidation,
): void {
  (
    ws as unknown as { dataValidations: { add(address: string, v: ExcelJsModule.DataValidation): void } }
  ).dataValidations.add(range, validation);
}
