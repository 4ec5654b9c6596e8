import type { Indicator, IndicatorSystem } from '../../shared/schemas/indicator-system';

/** The heading of indicators whose category the system does not list. */
export const UNCATEGORISED = '其他指标';

export interface IndicatorGroup {
  /** The category's name; null when the system has no categories at all. */
  label: string | null;
  indicators: Indicator[];
}

/**
 * Indicators in category order: the system's categories as listed, indicators in file order inside each,
 * then indicators without a known category. Empty groups are left out.
 */
export function groupIndicators(
  system: Pick<IndicatorSystem, 'categories'>,
  indicators: readonly Indicator[],
): IndicatorGroup[] {
  if (system.categories.length === 0) return indicators.length ? [{ label: null, indicators: [...indicators] }] : [];
  const known = new Set(system.categories.map((c) => c.id));
  const groups: IndicatorGroup[] = system.categories.map((c) => ({
    label: c.name,
    indicators: indicators.filter((i) => i.category === c.id),
  }));
  const rest = indicators.filter((i) => !i.category || !known.has(i.category));
  if (rest.length) groups.push({ label: UNCATEGORISED, indicators: rest });
  return groups.filter((g) => g.indicators.length > 0);
}
