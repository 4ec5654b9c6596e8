import type { FigureValue } from '../../shared/schemas/figure';
import type { FigureOrigin } from '../../shared/schemas/figures';
import type { Direction, Frequency, IndicatorKind, RankBy } from '../../shared/schemas/indicator-system';

/** Chinese names of the schema's enums, as the clerk reads them on screen. */

export const KIND_LABELS: Record<IndicatorKind, string> = {
  level: '总量',
  growth: '增速',
  share: '比重',
  count: '个数',
  perUnit: '人均亩均',
};

export const DIRECTION_LABELS: Record<Direction, string> = {
  higher: '越大越好',
  lower: '越小越好',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: '按月',
  quarterly: '按季度',
  annual: '按年',
};

export const RANK_BY_LABELS: Record<RankBy, string> = {
  value: '按数值',
  growth: '按增速',
  completion: '按完成率',
};

export const DEFAULT_MARKER_LEGEND: Record<string, string> = {
  '※': '承接省指标',
  '★': '市级活力新湖州指标',
  '☆': '市级特色指标',
};

export const MILESTONE_LABELS: Record<'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | 'H2', string> = {
  Q1: '一季度',
  Q2: '二季度',
  Q3: '三季度',
  Q4: '四季度',
  H1: '上半年',
  H2: '下半年',
};

/** Where a stored figure came from, for the cell history. */
export function originLabel(origin: FigureOrigin): string {
  switch (origin.kind) {
    case 'entry':
      return '界面填报';
    case 'cli':
      return '命令行';
    case 'sample':
      return '示例数据生成';
    case 'import':
      return `导入 ${origin.file}${origin.sheet ? ` 工作表“${origin.sheet}”` : ''}${origin.cell ? ` 单元格 ${origin.cell}` : ''}`;
    case 'restore':
      return `恢复到第 ${origin.revision} 版`;
    case 'computed':
      return `审核计算：${origin.detail}`;
  }
}

/** A figure in a history line: the number, "/（不适用）" or "（空）". */
export function figureText(v: FigureValue): string {
  if (v === null) return '（空）';
  if (v === '/') return '/（不适用）';
  return String(v);
}

/** "2023-10-08 09:00:05" in the clerk's local time. */
export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

export function timeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The Chinese message of anything thrown by an api call (ApiError carries main's message). */
export function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message;
  return '操作失败，原因不明。请重试；如仍失败，请重新打开程序。';
}
