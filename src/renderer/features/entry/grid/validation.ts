import { parseFigureInput, type FigureParse, type FigureSpec } from '../../../../shared/domain/figure-input';
import { formatPlain } from '../../../../shared/domain/format';
import type { FigureValue } from '../../../../shared/schemas/figure';

/**
 * The grid checks a value with the same parser main applies on save (shared/domain/figure-input), so a
 * cell outlined red here is exactly a cell main would refuse, and the reason is the same Chinese text.
 */
export function validateEntry(raw: string, spec: FigureSpec): FigureParse {
  return parseFigureInput(raw, spec);
}

/** How a stored value reads in a cell: the number as entered (no padding), "/" or empty. */
export function displayValue(value: FigureValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (value === '/') return '/';
  return formatPlain(value, 6);
}

/** Values compare by what they are, so re-typing "12.30" over 12.3 is no change. */
export function sameFigure(a: FigureValue | undefined, b: FigureValue | undefined): boolean {
  return (a ?? null) === (b ?? null);
}
