import { createHash } from 'node:crypto';
import { loadWorkbook } from '../documents/exceljs';
import { guardFile } from './file-guard';
import { readForm, type FormRead } from './read-form';
import { reduceWorkbook } from './xlsx-reduce';

/** A returned file as read (in the import worker): the form, or why it cannot be one; with its digest. */
export type FormFileRead = (FormRead & { hash: string }) | { ok: false; message: string };

const DAMAGED = '已损坏，无法按 Excel 工作簿（.xlsx）读取。请让区县在 Excel 或 WPS 中打开确认后重新保存发送';

/**
 * Everything the importer does with a file's bytes, bounded by what a fill-in form can hold: the
 * container check, the reduced workbook of just the parts a form is read from, the parse, the form.
 */
export async function readFormFile(bytes: Buffer): Promise<FormFileRead> {
  const guard = guardFile(bytes);
  if (!guard.ok) return guard;
  const reduced = reduceWorkbook(bytes, guard.entries);
  if (!reduced.ok) return reduced;
  let form: FormRead;
  try {
    form = readForm(await loadWorkbook(reduced.bytes));
  } catch {
    return { ok: false, message: DAMAGED };
  }
  if (!form.ok) return form;
  return { ...form, hash: createHash('sha256').update(bytes).digest('hex') };
}
