import {
  FORM_SHEET,
  META_SHEET,
  metaChecksum,
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

export type FormRead =
  | { ok: true; meta: FormMeta; reporter: { name: string; phone: string }; cells: FormCell[] }
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
 * Identifies a returned workbook by its hidden _meta sheet, verifies the checksum and that the visible
 * rows are still where the meta says, and reads every value and note cell. Whether the form belongs to
 * this workspace is checked by the caller.
 */
export function readForm(wb: Workbook): FormRead {
  const metaSheet = wb.getWorksheet(META_SHEET);
  if (!metaSheet) {
    return {
      ok: false,
      message:
        '不是本程序生成的填报表（缺少隐藏的 _meta 工作表），无法确定它属于哪个区县和哪一期。请让区县使用下发的填报表填写',
    };
  }
  const read = readMetaSheet(metaSheet);
  if (!read.ok) {
    if (read.problem === 'notOurs')
      return {
        ok: false,
        message: '不是本程序生成的填报表（隐藏的 _meta 工作表格式不符）。请让区县使用下发的填报表填写',
      };
    if (read.problem === 'version') {
      return {
        ok: false,
        message: `是未知版本（“${read.version ?? ''}”）的填报表模板，本程序只能读取第 1 版。请用本程序重新生成填报表下发`,
      };
    }
    return {
      ok: false,
      message: '隐藏的 _meta 工作表内容不完整或被改动，无法确认它属于哪个区县和哪一期。请让区县使用下发的原表重新填写',
    };
  }
  if (metaChecksum(read.meta) !== read.checksum) {
    return {
      ok: false,
      message:
        '隐藏的 _meta 工作表校验不符（内容被改动过）。为防止数据写错区县或期别，不予导入。请让区县使用下发的原表重新填写',
    };
  }
  const meta = read.meta;
  const sheet = wb.getWorksheet(FORM_SHEET);
  if (!sheet)
    return { ok: false, message: `找不到“${FORM_SHEET}”工作表（可能被重命名或删除）。请让区县使用下发的原表填写` };
  for (const row of meta.rows) {
    const shown = cellText(sheet.getCell(`B${row.row}`).value).trim();
    if (shown !== row.name) {
      return {
        ok: false,
        message: `表格布局被改动：${FORM_SHEET}第 ${row.row} 行应为“${row.name}”，现在是“${shown || '空白'}”。请让区县使用下发的原表填写，不要增删或移动行`,
      };
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
    reporter: {
      name: readTextCell(sheet.getCell(meta.reporterNameCell)),
      phone: readTextCell(sheet.getCell(meta.reporterPhoneCell)),
    },
    cells,
  };
}
