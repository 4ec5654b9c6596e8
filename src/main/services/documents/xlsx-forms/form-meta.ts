import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import type { Workbook, Worksheet } from '../exceljs';

/**
 * The hidden _meta sheet of a fill-in workbook: which workspace, city, region and period it was made
 * for, and for every indicator row its system, indicator and storage period key. The importer trusts
 * only this sheet to know where a cell goes, so it is signed: an HMAC-SHA256 of its canonical form with
 * a key kept only in the workspace folder (keys/form-signing.json). A district that edits the meta (another
 * region typed in, a row moved) cannot sign it again, and a form signed by another workspace's key is
 * told apart. Version 1 forms carried only a SHA-256 checksum, which anyone could recompute.
 */
export const FORM_TEMPLATE_ID = 'zjb-fill-form';
export const FORM_TEMPLATE_VERSION = 2;
/** Forms of version 1 were not signed: refused with an explanation of what to do. */
export const UNSIGNED_TEMPLATE_VERSION = 1;
export const FORM_SHEET = '填报表';
export const META_SHEET = '_meta';

const MetaRowSchema = z.strictObject({
  row: z.number().int().positive(),
  systemId: z.string().min(1),
  indicatorId: z.string().min(1),
  period: z.string().min(1),
  name: z.string().min(1),
});
export type FormMetaRow = z.infer<typeof MetaRowSchema>;

export const FormMetaSchema = z.strictObject({
  templateId: z.literal(FORM_TEMPLATE_ID),
  templateVersion: z.literal(FORM_TEMPLATE_VERSION),
  workspaceId: z.string().min(1),
  workspaceName: z.string(),
  city: z.string().min(1),
  region: z.string().min(1),
  period: z.string().min(1),
  sample: z.boolean(),
  generatedAt: z.string(),
  valueColumn: z.string().regex(/^[A-Z]{1,2}$/),
  noteColumn: z.string().regex(/^[A-Z]{1,2}$/),
  reporterNameCell: z.string().regex(/^[A-Z]{1,2}\d+$/),
  reporterPhoneCell: z.string().regex(/^[A-Z]{1,2}\d+$/),
  rows: z.array(MetaRowSchema).min(1),
});
export type FormMeta = z.infer<typeof FormMetaSchema>;

const HEADER_KEYS = [
  'templateId',
  'templateVersion',
  'workspaceId',
  'workspaceName',
  'city',
  'region',
  'period',
  'sample',
  'generatedAt',
  'valueColumn',
  'noteColumn',
  'reporterNameCell',
  'reporterPhoneCell',
] as const;
const ROW_KEYS = ['row', 'systemId', 'indicatorId', 'period', 'name'] as const;

/** The meta as one JSON text with a fixed key order: what the checksum is computed over. */
export function canonicalMeta(meta: FormMeta): string {
  const header = Object.fromEntries(HEADER_KEYS.map((k) => [k, meta[k]]));
  const rows = meta.rows.map((r) => Object.fromEntries(ROW_KEYS.map((k) => [k, r[k]])));
  return JSON.stringify({ ...header, rows });
}

/** The key a workspace signs its forms with (storage/form-signing-key.ts), as the form code needs it. */
export interface MetaSigningKey {
  keyId: string;
  key: Buffer;
}

export function metaSignature(meta: FormMeta, key: Buffer): string {
  return createHmac('sha256', key).update(canonicalMeta(meta), 'utf8').digest('hex');
}

/** Whether `signature` is this key's signature of the meta (compared in constant time). */
export function signatureMatches(meta: FormMeta, signature: string, key: Buffer): boolean {
  const expected = Buffer.from(metaSignature(meta, key), 'hex');
  const given = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function writeMetaSheet(wb: Workbook, meta: FormMeta, signing: MetaSigningKey): void {
  const sheet = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  sheet.addRow(['说明', '本工作表由指标简报助手生成并在导入时核对，请勿修改；改动后填报表将无法导入。']);
  // Everything as text: a re-saving program may turn a boolean into a formula or a number into a date.
  for (const key of HEADER_KEYS) sheet.addRow([key, String(meta[key])]);
  sheet.addRow(['keyId', signing.keyId]);
  sheet.addRow(['signature', metaSignature(meta, signing.key)]);
  sheet.addRow(['rows']);
  sheet.addRow([...ROW_KEYS]);
  for (const r of meta.rows) sheet.addRow(ROW_KEYS.map((k) => String(r[k])));
}

/** Text of a meta cell whatever another program turned it into (a number, a rich text). */
function metaText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && 'richText' in value && Array.isArray(value.richText)) {
    return value.richText.map((r: { text?: unknown }) => (typeof r.text === 'string' ? r.text : '')).join('');
  }
  return String(value);
}

export type MetaRead =
  | { ok: true; meta: FormMeta; keyId: string; signature: string }
  | { ok: false; problem: 'notOurs' | 'unsigned' | 'version' | 'damaged'; message: string; version?: string };

/** Reads and checks the shape of the meta sheet (not yet its checksum or its workspace). */
export function readMetaSheet(sheet: Worksheet): MetaRead {
  const header = new Map<string, string>();
  let r = 2;
  for (; r <= sheet.rowCount; r++) {
    const key = metaText(sheet.getCell(r, 1).value);
    if (key === 'rows') break;
    header.set(key, metaText(sheet.getCell(r, 2).value));
  }
  if (header.get('templateId') !== FORM_TEMPLATE_ID)
    return { ok: false, problem: 'notOurs', message: '隐藏的 _meta 工作表不是本程序的填报表格式' };
  const version = header.get('templateVersion') ?? '';
  if (version === String(UNSIGNED_TEMPLATE_VERSION))
    return { ok: false, problem: 'unsigned', message: '填报表没有防篡改签名（旧版程序生成）', version };
  if (version !== String(FORM_TEMPLATE_VERSION))
    return { ok: false, problem: 'version', message: `填报表模板版本为“${version}”`, version };
  const rows: Record<string, unknown>[] = [];
  for (r += 2; r <= sheet.rowCount; r++) {
    const cells = ROW_KEYS.map((_, i) => metaText(sheet.getCell(r, i + 1).value));
    if (cells.every((c) => c === '')) continue;
    rows.push({ row: Number(cells[0]), systemId: cells[1], indicatorId: cells[2], period: cells[3], name: cells[4] });
  }
  const candidate: Record<string, unknown> = Object.fromEntries(HEADER_KEYS.map((k) => [k, header.get(k) ?? '']));
  candidate['templateVersion'] = Number(candidate['templateVersion']);
  candidate['sample'] = candidate['sample'] === 'true';
  candidate['rows'] = rows;
  const parsed = FormMetaSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problem: 'damaged', message: '隐藏的 _meta 工作表内容不完整或被改动' };
  return { ok: true, meta: parsed.data, keyId: header.get('keyId') ?? '', signature: header.get('signature') ?? '' };
}
