import { parseFigureInput, stripFloatNoise } from '../domain/figure-input';
import type { TargetValue } from '../schemas/indicator-system';
import type { GridCell } from './grid';
import { joinLines } from './names';

export type TargetCellRead =
  { kind: 'blank' } | { kind: 'value'; value: TargetValue; note?: string } | { kind: 'error'; message: string };

const BLANK_MARKS = new Set(['—', '——', '-', '--', '－', '…', '...', '─']);

/**
 * A target cell as it will be stored. Numbers stay numbers ("1,234", "５.２", and "5.2%" for an indicator
 * in % are read as numbers, each with a note saying so); anything else is kept verbatim as text
 * ("增长6%左右", "完成省下达任务", "/") for the comparator parser, never turned into a guessed number.
 */
export function readTargetCell(cell: GridCell | undefined, unit: string): TargetCellRead {
  if (!cell) return { kind: 'blank' };
  if (cell.error !== undefined) return { kind: 'error', message: cell.error };
  if (cell.isDate)
    return {
      kind: 'error',
      message: `是日期（${cell.text}），不是目标值。如本应是数字，请把单元格格式改为“常规”后重新输入`,
    };
  if (cell.number !== undefined) return { kind: 'value', value: stripFloatNoise(cell.number) };
  // The app's own export writes a leading = + - @ full-width so no reader takes the text for a formula.
  const text = joinLines(cell.text).replace(/^[＝＋－＠]/, (c) => c.normalize('NFKC'));
  if (text === '' || BLANK_MARKS.has(text)) return { kind: 'blank' };
  if (text === '/' || text === '／') return { kind: 'value', value: '/' };
  const parsed = parseFigureInput(text, { unit, kind: 'level', decimals: 4 });
  if (parsed.ok && typeof parsed.value === 'number') {
    const plain = String(parsed.value);
    return plain === text
      ? { kind: 'value', value: parsed.value }
      : { kind: 'value', value: parsed.value, note: `“${text}”按数值 ${plain} 读取` };
  }
  return { kind: 'value', value: text };
}

/** The unit a text target is written in ("2个以上" → 个, "增长6%左右" → %), when all of them agree. */
export function unitFromTargets(values: TargetValue[]): string | null {
  const units = new Set<string>();
  for (const v of values) {
    if (typeof v !== 'string' || v === '/') continue;
    const m = /\d(?:\.\d+)?\s*(%|‰|个百分点|亿元|万元|亿美元|万美元|家|个|项|件|人|套|所|座|亩|万人|万吨|吨)/.exec(
      v.normalize('NFKC'),
    );
    if (m?.[1]) units.add(m[1]);
  }
  return units.size === 1 ? ([...units][0] ?? null) : null;
}
