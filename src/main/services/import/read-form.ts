import {
  FORM_SHEET,
  META_SHEET,
  readMetaSheet,
  type FormMeta,
  type FormMetaRow,
} from '../documents/xlsx-forms/form-meta';
import type { Workbook } from '../documents/exceljs';
import { readTextCell, readValueCell, type CellRead } from './cell-reader';

export interface FormCell {
  meta: FormMetaRow;
  /** "填报表!D7" */
  ref: string;
  value: CellRead;
  noteRef: string;
  note: string;
}

/** A form as read from its workbook. Its signature is checked against the workspace's key by the caller. */
export type FormRead =
  | {
      ok: true;
      meta: FormMeta;
      keyId: string;
      signature: string;
      /** Rows not where the meta says: refused once the signature shows the meta itself is genuine. */
      layoutProblem: string | null;
      reporter: { name: string; phone: string };
      cells: FormCell[];
    }
  | { ok: false; message: string };

function cellText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  return '';
}

/**
 * One row per indicator and period, one indicator per row: a meta that names an indicator twice (or
 * points two indicators at one row) would write one cell several times from the same old value.
 */
export function repeatedRow(meta: FormMeta): string | null {
  const byIndicator = new Map<string, FormMetaRow[]>();
  const byRow = new Map<number, FormMetaRow[]>();
  for (const r of meta.rows) {
    const key = `${r.systemId}\u0000${r.indicatorId}\u0000${r.period}`;
    byIndicator.set(key, [...(byIndicator.get(key) ?? []), r]);
    byRow.set(r.row, [...(byRow.get(r.row) ?? []), r]);
  }
  for (const rows of byIndicator.values()) {
    if (rows.length > 1)
      return `隐藏的 _meta 工作表中指标“${rows[0]!.name}”（${rows[0]!.period}）出现了 ${rows.length} 次，不是本程序生成的填报表，不予导入。请让区县使用下发的原表填写`;
  }
  for (const [row, rows] of byRow) {
    if (rows.length > 1)
      return `隐藏的 _meta 工作表中有 ${rows.length} 个指标都指向${FORM_SHEET}第 ${row} 行，不是本程序生成的填报表，不予导入。请让区县使用下发的原表填写`;
  }
  return null;
}

/**
 * Identifies a returned workbook by its hidden _meta sheet, checks that the visible rows are still where
 * the meta says, and reads every value and note cell. Plain data in, plain data out: this runs in the
 * import worker. The signature and whether the form belongs to this workspace are checked by the caller.
 */
export function readForm(wb: Workbook): FormRead {
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (!metaSheet) {
    const sheets = wb.worksheets.map((w) => `“${w.name}”`);
    const named = sheets.length > 3 ? `${sheets.slice(0, 3).join('、')}等 ${sheets.length} 个` : sheets.join('、');
    return {
      ok: false,
      message:
        `是一个普通的 Excel 工作簿（工作表${named || '：无'}），不是本程序下发的填报表（缺少隐藏的 _meta 工作表），` +
        '无法确定它属于哪个区县和哪一期。如果这是单位已有的历史数据表，请点本页的“导入历史数据”；' +
        '如果是区县发回的数据，请让区县在下发的填报表中填写后发回',
    };
  }
  const read = readMetaSheet(metaSheet);
  if (!read.ok) {
    if (read.problem === 'notOurs')
      return {
        ok: false,
        message: '不是本程序生成的填报表（隐藏的 _meta 工作表格式不符）。请让区县使用下发的填报表填写',
      };
    if (read.problem === 'unsigned') {
      return {
        ok: false,
        message:
          '是旧版程序生成的填报表，没有防篡改签名，为防止数据被导入到错误的区县或期别，不再导入。请用本程序重新生成该区县的填报表下发，请区县把数字填到新表中发回（已填的数字可以直接复制过去）',
      };
    }
    if (read.problem === 'version') {
      return {
        ok: false,
        message: `是未知版本（“${read.version ?? ''}”）的填报表模板，本程序只能读取第 2 版。请用本程序重新生成填报表下发`,
      };
    }
    return {
      ok: false,
      message: '隐藏的 _meta 工作表内容不完整或被改动，无法确认它属于哪个区县和哪一期。请让区县使用下发的原表重新填写',
    };
  }
  const meta = read.meta;
  const sheet = wb.getWorksheet(FORM_SHEET);
  if (!sheet)
    return { ok: false, message: `找不到“${FORM_SHEET}”工作表（可能被重命名或删除）。请让区县使用下发的原表填写` };
  let layoutProblem: string | null = null;
  for (const row of meta.rows) {
    const shown = cellText(sheet.getCell(`B${row.row}`).value).trim();
    if (shown !== row.name) {
      layoutProblem = `表格布局被改动：${FORM_SHEET}第 ${row.row} 行应为“${row.name}”，现在是“${shown || '空白'}”。请让区县使用下发的原表填写，不要增删或移动行`;
      break;
    }
  }
  const cells = meta.rows.map((row) => {
    const ref = `${meta.valueColumn}${row.row}`;
    const noteRef = `${meta.noteColumn}${row.row}`;
    return {
      meta: row,
      ref: `${FORM_SHEET}!${ref}`,
      value: readValueCell(sheet.getCell(ref)),
      noteRef: `${FORM_SHEET}!${noteRef}`,
      note: readTextCell(sheet.getCell(noteRef)),
    };
  });
  return {
    ok: true,
    meta,
    keyId: read.keyId,
    signature: read.signature,
    layoutProblem,
    reporter: {
      name: readTextCell(sheet.getCell(meta.reporterNameCell)),
      phone: readTextCell(sheet.getCell(meta.reporterPhoneCell)),
    },
    cells,
  };
}
