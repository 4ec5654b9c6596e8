import { describe, expect, it } from 'vitest';
import { guessIndicator } from '../../../src/shared/domain/indicator-guess';
import { templates } from '../../support/workspace';

describe('what a table row does not print, guessed with its reason', () => {
  it.each([
    ['规上工业增加值增长', '%', [7], 'growth', 'higher', 1, 'monthly'],
    ['高新技术产业增加值占规上工业增加值比重', '%', [66], 'share', 'higher', 1, 'quarterly'],
    ['湖州市八大新兴产业链营业收入占比提高', '个百分点', [1.5], 'share', 'higher', 1, 'quarterly'],
    ['规上工业亩均税收', '万元/亩', [37], 'perUnit', 'higher', 1, 'annual'],
    ['每万人口高价值发明专利拥有量', '件', [19], 'perUnit', 'higher', 1, 'annual'],
    ['新认定高新技术企业数量', '家', [280], 'count', 'higher', 0, 'annual'],
    ['未来工厂、智能工厂(数字化车间)', '家(个)', ['10个以上'], 'count', 'higher', 0, 'annual'],
    ['数字经济核心产业增加值', '亿元', [230], 'level', 'higher', 1, 'monthly'],
    ['货物贸易出口占全国份额', '‰', [6.5, 6.51], 'share', 'higher', 2, 'quarterly'],
    ['城镇登记失业率', '%', ['≤4.5'], 'share', 'lower', 1, 'quarterly'],
    ['单位GDP能耗降低', '%', ['完成省下达目标'], 'growth', 'higher', 1, 'monthly'],
    ['亿元GDP生产安全事故死亡率', '人/亿元', [0.0176], 'perUnit', 'lower', 4, 'annual'],
    ['担保费率', '%', ['降至1%以下'], 'share', 'lower', 1, 'quarterly'],
  ] as const)('%s（%s）', (name, unit, targets, kind, direction, decimals, frequency) => {
    const g = guessIndicator({ name, unit, targets: [...targets] });
    expect([g.kind.value, g.direction.value, g.decimals.value, g.frequency.value]).toEqual([
      kind,
      direction,
      decimals,
      frequency,
    ]);
    for (const field of [g.kind, g.direction, g.decimals, g.frequency, g.ytd, g.rankBy, g.cityIsSumOfRegions])
      expect(field.reason).toMatch(/[\u4e00-\u9fff]/);
  });

  it('a kind the clerk chose decides the other defaults', () => {
    const g = guessIndicator({
      name: '规上工业增加值',
      unit: '亿元',
      targets: [100],
      kind: { value: 'growth', reason: '由您修改' },
    });
    expect([g.kind.value, g.rankBy.value, g.cityIsSumOfRegions.value]).toEqual(['growth', 'growth', false]);
  });

  it('agrees with the hand-transcribed shipped systems on nearly every indicator', async () => {
    let n = 0;
    const agree = { kind: 0, direction: 0, decimals: 0 };
    for (const s of await templates.all())
      for (const i of s.indicators) {
        n++;
        const g = guessIndicator({ name: i.name, unit: i.unit, targets: Object.values(i.targets) });
        if (g.kind.value === i.kind) agree.kind++;
        if (g.direction.value === i.direction) agree.direction++;
        if (g.decimals.value === i.decimals) agree.decimals++;
      }
    console.log(
      `[indicator-guess] ${n} indicators: kind ${((100 * agree.kind) / n).toFixed(1)}%, direction ${((100 * agree.direction) / n).toFixed(1)}%, decimals ${((100 * agree.decimals) / n).toFixed(1)}%`,
    );
    expect(agree.kind / n).toBeGreaterThan(0.93);
    expect(agree.direction / n).toBeGreaterThan(0.98);
    expect(agree.decimals / n).toBeGreaterThan(0.93);
  });
});
