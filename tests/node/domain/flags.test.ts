import { describe, expect, it } from 'vitest';
import { statusFlags, type FlagInput } from '../../../src/shared/domain/flags';

const base: FlagInput = { direction: 'higher', decimals: 1, value: null };

describe('statusFlags', () => {
  it.each<[string, Partial<FlagInput>, string[]]>([
    ['behind progress: 70 against 75', { completionRate: 70, timeProgress: 75 }, ['落后序时进度']],
    ['ahead of progress: 80 against 75', { completionRate: 80, timeProgress: 75 }, ['超序时进度']],
    ['a difference that rounds to 0.0 raises no progress flag', { completionRate: 75.04, timeProgress: 75 }, []],
    ['97.16 against 10/12: ahead', { completionRate: 97.16, timeProgress: 250 / 3 }, ['超序时进度']],
    ['below the province: 6.9 against 7.0', { value: 6.9, province: 7.0 }, ['低于全省平均']],
    ['equal at published precision: 6.96 prints 7.0', { value: 6.96, province: 7.0 }, []],
    ['below the city: 7.2 against 7.5', { value: 7.2, city: 7.5 }, ['低于全市']],
    ['above both', { value: 8, city: 7.5, province: 7 }, []],
    ['target not met', { targetStatus: 'notMet' }, ['未达目标']],
    ['target pending raises nothing', { targetStatus: 'pending' }, []],
    ['a missing figure is not compared', { value: null, province: 7 }, []],
    ['"/" is not compared', { value: '/', city: 7 }, []],
    [
      'all at once, in a fixed order',
      { value: 5, province: 6, city: 5.5, completionRate: 60, timeProgress: 75, targetStatus: 'notMet' },
      ['落后序时进度', '未达目标', '低于全省平均', '低于全市'],
    ],
  ])('%s', (_name, input, labels) => {
    expect(statusFlags({ ...base, ...input }).map((f) => f.label)).toEqual(labels);
  });

  it('for lower-is-better, "below" means worse and the label states the fact', () => {
    // 城镇调查失业率 5.2% against the province's 4.8%: worse, and it is higher.
    const flags = statusFlags({ direction: 'lower', decimals: 1, value: 5.2, province: 4.8, city: 5.0 });
    expect(flags).toEqual([
      { id: 'belowProvince', label: '高于全省平均' },
      { id: 'belowCity', label: '高于全市' },
    ]);
    expect(statusFlags({ direction: 'lower', decimals: 1, value: 4.5, province: 4.8, city: 5.0 })).toEqual([]);
  });

  it('uses ids that do not depend on the direction', () => {
    expect(statusFlags({ ...base, completionRate: 60, timeProgress: 75 })).toEqual([
      { id: 'behindProgress', label: '落后序时进度' },
    ]);
  });
});
