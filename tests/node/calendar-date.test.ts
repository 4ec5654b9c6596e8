import { describe, expect, it } from 'vitest';
import { CalendarDateSchema, isCalendarDate } from '../../src/shared/schemas/calendar-date';
import { calls } from '../../src/shared/contract';

describe('a 成文日期 must exist on the calendar', () => {
  it.each([
    ['2026-10-12', true],
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2023-13-01', false],
    ['2023-1-1', false],
    ['', false],
  ])('%s → %s', (text, ok) => {
    expect(isCalendarDate(text)).toBe(ok);
    expect(CalendarDateSchema.safeParse(text).success).toBe(ok);
  });

  it('briefing.issue refuses 2023-02-30 at the boundary, in Chinese', () => {
    const r = calls['briefing.issue'].input.safeParse({ period: '2023-09', kind: '简报', date: '2023-02-30' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe('日期应为确实存在的年-月-日，如 2026-10-12');
  });
});
