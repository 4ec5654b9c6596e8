import { describeTarget, parseTarget } from '../../shared/domain';
import type { Indicator, TargetValue } from '../../shared/schemas/indicator-system';

/** A target as printed, and what the app reads from it (the comparator, or why it is judged by hand). */
export interface TargetView {
  text: string;
  /** "不低于7%": present when a comparator was read. */
  meaning?: string;
  /** Why no comparator: "完成省定目标" waits for the province, an unknown form is judged by hand. */
  manual?: string;
}

export function targetView(target: TargetValue, ind: Pick<Indicator, 'direction' | 'unit' | 'kind'>): TargetView {
  const text = typeof target === 'number' ? String(target) : target;
  const parsed = parseTarget(target, { direction: ind.direction, unit: ind.unit, kind: ind.kind });
  switch (parsed.op) {
    case 'pending':
    case 'unparsed':
      return { text, manual: parsed.reason };
    default:
      return { text, meaning: describeTarget(parsed, ind.direction) };
  }
}
