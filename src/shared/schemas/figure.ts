import { z } from 'zod';

/**
 * A figure's value: a number, an explicit "not applicable" ('/'), or empty (null).
 * '/' is a statement by the district (the indicator does not apply to it); null means not yet reported.
 */
export const FigureValueSchema = z.union([z.number().finite(), z.literal('/'), z.null()]);
export type FigureValue = z.infer<typeof FigureValueSchema>;

export const NOT_APPLICABLE = '/' as const;
