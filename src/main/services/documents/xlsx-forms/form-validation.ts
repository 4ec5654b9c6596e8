import { FIGURE_BOUNDS, MAX_MAGNITUDE } from '../../../../shared/domain/figure-input';
import type { IndicatorKind } from '../../../../shared/schemas/indicator-system';
import type { DataValidation } from '../exceljs';

/**
 * Data validation of the input cells, one rule per run of rows of the same kind (applied by range,
 * never by whole column: whole-column rules make workbooks slow to open and to import).
 *
 * The rule is a custom formula, `OR(D7="/",D7="／",AND(ISNUMBER(D7),<bounds>))`: a plain "decimal"
 * rule cannot also allow the "/" that marks "not applicable", and a list rule cannot allow numbers.
 * Custom-formula validation (type="custom" with formula1) is read the same way by Excel (2007 on),
 * WPS 表格 and LibreOffice Calc; the formula uses only OR/AND/ISNUMBER/INT/ABS, which all three have,
 * and its cell reference is relative to the range's top-left cell, as the format requires.
 * Blank is allowed (not yet known). "5.2%" typed in Excel becomes the number 0.052 in a percent format:
 * it passes here and the importer reads the format and takes 5.2.
 * Validation only guards typing: pasted values bypass it in every program, so the importer checks again.
 */

const ERROR_TITLE = '数值不符合要求';

function boundsFormula(cell: string, kind: IndicatorKind, decimals: number): string {
  const b = FIGURE_BOUNDS[kind];
  const parts: string[] = [`ISNUMBER(${cell})`];
  if (kind === 'level') parts.push(`ABS(${cell})<${MAX_MAGNITUDE.toExponential().replace('e+', 'E')}`);
  else {
    parts.push(`${cell}>=${b.min}`);
    parts.push(
      b.max >= MAX_MAGNITUDE ? `${cell}<${MAX_MAGNITUDE.toExponential().replace('e+', 'E')}` : `${cell}<=${b.max}`,
    );
  }
  if (kind === 'count' && decimals === 0) parts.push(`${cell}=INT(${cell})`);
  return `OR(${cell}="/",${cell}="／",AND(${parts.join(',')}))`;
}

function unitText(unit: string): string {
  return unit ? `单位：${unit}` : '无单位';
}

function errorText(kind: IndicatorKind, unit: string, decimals: number): string {
  const tail = '不适用请填“/”，暂无数据请留空。';
  switch (kind) {
    case 'growth':
      return `请填写增速数值（${unitText(unit)}），如增长5.2%填 5.2，下降填负数，应在 -100 至 10000 之间；${tail}`;
    case 'share':
      return `请填写比重或比率数值（${unitText(unit)}），如 45.3，不能为负数；${tail}`;
    case 'count':
      return decimals === 0
        ? `请填写整数（${unitText(unit)}），不能为负数，不带单位；${tail}`
        : `请填写数字（${unitText(unit)}），不能为负数，不带单位；${tail}`;
    case 'perUnit':
      return `请填写数字（${unitText(unit)}），不能为负数，不带单位；${tail}`;
    case 'level':
      return `请填写数字（${unitText(unit)}），只填数字，不带单位；${tail}`;
  }
}

function promptText(kind: IndicatorKind, unit: string, decimals: number): string {
  const what = kind === 'count' && decimals === 0 ? '整数' : '数字';
  return `填${what}，${unitText(unit)}${kind === 'growth' ? '，下降填负数' : ''}；不适用填“/”。`;
}

/** The validation of a run of value cells whose first cell is `topLeft` (e.g. "D7"). */
export function valueValidation(topLeft: string, kind: IndicatorKind, unit: string, decimals: number): DataValidation {
  return {
    type: 'custom',
    allowBlank: true,
    formulae: [boundsFormula(topLeft, kind, decimals)],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: ERROR_TITLE,
    error: errorText(kind, unit, decimals),
    showInputMessage: true,
    promptTitle: '填报提示',
    prompt: promptText(kind, unit, decimals),
  };
}

export const NOTE_MAX_CHARS = 500;

export function noteValidation(): DataValidation {
  return {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    allowBlank: true,
    formulae: [NOTE_MAX_CHARS],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '备注过长',
    error: `备注最多 ${NOTE_MAX_CHARS} 字，请精简后再填。`,
  };
}

/** Key under which consecutive rows share one validation range. */
export function validationKey(kind: IndicatorKind, unit: string, decimals: number): string {
  return `${kind}|${unit}|${kind === 'count' && decimals === 0 ? 'int' : 'dec'}`;
}
