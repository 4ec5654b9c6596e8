import { stripFloatNoise } from '../../../shared/domain/figure-input';
import type { Cell, CellValue } from '../documents/exceljs';

/**
 * What a returned cell holds, normalised for parseFigureInput: exceljs gives numbers, strings, dates,
 * booleans, formulas as {formula, result} (it never calculates), rich text as runs, hyperlinks, error
 * values, and merged cells that are empty except their master.
 */
export type CellRead =
  | { kind: 'blank'; raw: string }
  | { kind: 'value'; raw: string; input: string | number; fromFormula: boolean }
  | { kind: 'error'; raw: string; message: string };

/** True when the number format scales by 100: a % outside quotes and escapes (`0.0%`, not `0.0"%"`). */
export function isPercentFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false;
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return bare.includes('%');
}

function formatDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? '无效日期' : d.toISOString().slice(0, 10);
}

type Scalar =
  | { kind: 'number'; value: number }
  | { kind: 'text'; value: string }
  | { kind: 'bad'; raw: string; message: string }
  | { kind: 'empty' };

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function richText(v: Record<string, unknown>): string | null {
  if (!Array.isArray(v['richText'])) return null;
  return v['richText']
    .map((run: unknown) => (isObject(run) && typeof run['text'] === 'string' ? run['text'] : ''))
    .join('');
}

function scalar(value: unknown): Scalar {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return { kind: 'text', value };
  if (typeof value === 'boolean')
    return { kind: 'bad', raw: value ? 'TRUE' : 'FALSE', message: `是逻辑值 ${value ? 'TRUE' : 'FALSE'}，不是数值` };
  if (value instanceof Date) {
    return {
      kind: 'bad',
      raw: formatDate(value),
      message: `是日期（${formatDate(value)}），不是数值。如本应是数字，请把单元格格式改为“常规”后重新输入`,
    };
  }
  if (isObject(value)) {
    const rich = richText(value);
    if (rich !== null) return { kind: 'text', value: rich };
    if (typeof value['error'] === 'string')
      return { kind: 'bad', raw: value['error'], message: `是错误值 ${value['error']}，请改为数值` };
    if (typeof value['text'] === 'string') return { kind: 'text', value: value['text'] };
    if (isObject(value['text'])) {
      const linked = richText(value['text']);
      if (linked !== null) return { kind: 'text', value: linked };
    }
  }
  return { kind: 'bad', raw: String(value), message: '内容无法识别，请填写数值' };
}

/** The formula as the clerk would see it ("=B7*2"); a shared formula is shown translated to its own cell. */
function formulaOf(cell: Cell, v: CellValue): string | null {
  if (!isObject(v) || (typeof v['formula'] !== 'string' && typeof v['sharedFormula'] !== 'string')) return null;
  const text =
    typeof cell.formula === 'string' && cell.formula
      ? cell.formula
      : typeof v['formula'] === 'string'
        ? v['formula']
        : `与 ${String(v['sharedFormula'])} 相同的公式`;
  return text.replace(/^=/, '');
}

/** Reads the value cell of a form row. Merged cells are read through their master cell. */
export function readValueCell(cellIn: Cell): CellRead {
  const cell = cellIn.isMerged ? cellIn.master : cellIn;
  const v = cell.value;
  const formula = formulaOf(cell, v);
  let inner: unknown = v;
  let prefix = '';
  if (formula !== null) {
    const result = isObject(v) ? v['result'] : undefined;
    prefix = `=${formula} → `;
    if (result === undefined || result === null) {
      return {
        kind: 'error',
        raw: `=${formula}`,
        message:
          '是公式，但文件中没有保存计算结果（可能由不自动计算的程序生成）。请在 Excel 或 WPS 中打开、确认计算结果后保存再发回，或直接填写数值',
      };
    }
    inner = result;
  }
  const s = scalar(inner);
  switch (s.kind) {
    case 'empty':
      return { kind: 'blank', raw: '' };
    case 'bad':
      return { kind: 'error', raw: prefix + s.raw, message: formula !== null ? `公式结果${s.message}` : s.message };
    case 'text':
      return s.value.trim() === ''
        ? { kind: 'blank', raw: prefix + s.value }
        : { kind: 'value', raw: prefix + s.value, input: s.value, fromFormula: formula !== null };
    case 'number': {
      // "5.2%" typed in Excel is stored as 0.052 in a percent format; the form asks for 5.2.
      if (isPercentFormat(cell.numFmt)) {
        const shown = `${stripFloatNoise(s.value * 100)}%`;
        return { kind: 'value', raw: prefix + shown, input: shown, fromFormula: formula !== null };
      }
      return {
        kind: 'value',
        raw: prefix + String(stripFloatNoise(s.value)),
        input: s.value,
        fromFormula: formula !== null,
      };
    }
  }
}

/** Text of a note or reporter cell; a formula gives its result, a number its digits. */
export function readTextCell(cellIn: Cell): string {
  const cell = cellIn.isMerged ? cellIn.master : cellIn;
  const v = cell.value;
  const s = scalar(formulaOf(cell, v) !== null && isObject(v) ? v['result'] : v);
  switch (s.kind) {
    case 'text':
      return s.value.trim();
    case 'number':
      return String(stripFloatNoise(s.value));
    case 'bad':
      return s.raw;
    case 'empty':
      return '';
  }
}
