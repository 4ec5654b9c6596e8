import { describe, expect, it } from 'vitest';
import { targetFor } from '../../src/renderer/features/entry/hints';
import { indicator } from './grid/fixtures';

describe('target hint of the active cell', () => {
  const growth = indicator('g', {
    unit: '%',
    kind: 'growth',
    targets: { '2023': '高于GDP增速1个百分点', '2024': 7 },
    regionTargets: { '2023': { 吴兴: 7, 德清: 8, 安吉: '/' } },
  });

  it("uses the district's decomposed target for the decomposition year", () => {
    expect(targetFor(growth, '德清', '2023')).toEqual({ scope: 'region', text: '8', meaning: '不低于8%' });
    expect(targetFor(growth, '安吉', '2023')).toEqual({ scope: 'region', text: '/', meaning: '不适用' });
  });

  it("falls back to the system's target, keeping the printed text", () => {
    expect(targetFor(growth, '南浔', '2023')).toEqual({
      scope: 'system',
      text: '高于GDP增速1个百分点',
      meaning: '高于GDP增速1个百分点及以上',
    });
    expect(targetFor(growth, '吴兴', '2024')).toEqual({ scope: 'system', text: '7', meaning: '不低于7%' });
  });

  it('gives no target to 全省 or to a year without one, and leaves hand-judged targets unexplained', () => {
    expect(targetFor(growth, '全省', '2023')).toBeNull();
    expect(targetFor(growth, '吴兴', '2025')).toBeNull();
    const pending = indicator('p', { targets: { '2023': '完成省定目标' } });
    expect(targetFor(pending, '全市', '2023')).toMatchObject({
      scope: 'system',
      text: '完成省定目标',
      manual: expect.stringContaining('省下达'),
    });
  });
});
