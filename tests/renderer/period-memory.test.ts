import { beforeEach, describe, expect, it } from 'vitest';
import { initialPeriod, rememberPeriod } from '../../src/renderer/shared/period-memory';

const TODAY = new Date(2026, 11, 3);
const WITH_DATA = ['2023-09', '2023Q4', '2023-12'];

describe('each page keeps its own period', () => {
  beforeEach(() => sessionStorage.clear());

  it('opens on the latest period with figures when nothing was chosen yet', () => {
    expect(initialPeriod('briefing', '/ws', '', WITH_DATA, TODAY)).toBe('2023-12');
  });

  it('a period chosen on 数据填报 does not change what 简报 opens on', () => {
    rememberPeriod('briefing', '/ws', '2023-09');
    rememberPeriod('entry', '/ws', '2023Q4');
    expect(initialPeriod('briefing', '/ws', '', WITH_DATA, TODAY)).toBe('2023-09');
    expect(initialPeriod('entry', '/ws', '', WITH_DATA, TODAY)).toBe('2023Q4');
    expect(initialPeriod('rankings', '/ws', '', WITH_DATA, TODAY)).toBe('2023-12');
  });

  it('the address wins over the memory, and another workspace starts afresh', () => {
    rememberPeriod('briefing', '/ws', '2023-09');
    expect(initialPeriod('briefing', '/ws', '2023Q4', WITH_DATA, TODAY)).toBe('2023Q4');
    expect(initialPeriod('briefing', '/other', '', [], TODAY)).toBe('2026-11');
  });

  it('ignores a remembered value that is not a period', () => {
    sessionStorage.setItem('zjb.period.briefing./ws', '../../etc');
    rememberPeriod('briefing', '/ws', 'nonsense');
    expect(initialPeriod('briefing', '/ws', '', WITH_DATA, TODAY)).toBe('2023-12');
  });
});
