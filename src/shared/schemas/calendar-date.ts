import { z } from 'zod';

/** True when "YYYY-MM-DD" names a day that exists (2023-02-30 does not). */
export function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** A day written year-month-day, as a 成文日期 is entered: it must exist on the calendar. */
export const CalendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: '日期应为确实存在的年-月-日，如 2026-10-12' });
