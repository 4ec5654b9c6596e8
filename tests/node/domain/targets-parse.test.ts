import { describe, expect, it } from 'vitest';
import { parseTarget, parseTargetText } from '../../../src/shared/domain/targets';
import { describeTarget } from '../../../src/shared/domain/target-describe';
import type { ParsedTarget, TargetParseContext } from '../../../src/shared/domain/target-types';

const H: TargetParseContext = { direction: 'higher' };
const L: TargetParseContext = { direction: 'lower' };
const growth: TargetParseContext = { direction: 'higher', kind: 'growth', unit: '%' };
const share: TargetParseContext = { direction: 'higher', kind: 'share', unit: '%' };
const unit = (u: string, direction: 'higher' | 'lower' = 'higher'): TargetParseContext => ({ direction, unit: u });

type Case = [string, TargetParseContext, Partial<ParsedTarget> & Record<string, unknown>];

describe('parseTargetText: at-least forms', () => {
  it.each<Case>([
    ['2个以上', unit('个'), { op: 'ge', value: 2, unit: '个' }],
    ['不低于40', H, { op: 'ge', value: 40 }],
    ['40以上', H, { op: 'ge', value: 40 }],
    ['≥40', H, { op: 'ge', value: 40 }],
    ['达到19件以上', unit('件'), { op: 'ge', value: 19 }],
    ['不少于800亿元', unit('亿元'), { op: 'ge', value: 800, unit: '亿元' }],
    ['8%以上', growth, { op: 'ge', value: 8, unit: '%' }],
    ['增长7%以上', growth, { op: 'ge', value: 7 }],
    ['十家以上', unit('家'), { op: 'ge', value: 10 }], // Chinese numeral
    ['15家(个)以上', unit('家(个)'), { op: 'ge', value: 15 }],
    [' 6 % 以上 ', growth, { op: 'ge', value: 6 }], // spaces from web scraping
    ['６％以上', growth, { op: 'ge', value: 6 }], // full-width digits and percent sign
    ['45万人以上', unit('万人'), { op: 'ge', value: 45 }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject({ ...expected, text });
  });
});

describe('parseTargetText: exceeding forms are strict (exactly 40 does not exceed 40)', () => {
  it.each<Case>([
    ['超过40', H, { op: 'gt', value: 40 }],
    ['突破6000', H, { op: 'gt', value: 6000 }],
    ['突破6000亿元', unit('亿元'), { op: 'gt', value: 6000 }],
    ['超50%', share, { op: 'gt', value: 50 }],
    ['>6', growth, { op: 'gt', value: 6 }],
    ['突破1.5万家', unit('家'), { op: 'gt', value: 15000 }], // 1.5万 家 = 15000 家
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
});

describe('parseTargetText: at-most forms', () => {
  it.each<Case>([
    ['≤4.5', L, { op: 'le', value: 4.5 }],
    ['控制在5%以内', { direction: 'lower', unit: '%' }, { op: 'le', value: 5 }],
    ['3%以内', { direction: 'lower', unit: '%', kind: 'growth' }, { op: 'le', value: 3 }],
    ['低于0.011人/亿元', unit('人/亿元', 'lower'), { op: 'lt', value: 0.011, unit: '人/亿元' }],
    ['不超过5%', { direction: 'lower', unit: '%' }, { op: 'le', value: 5 }],
    ['降至1%以下', { direction: 'lower', unit: '%' }, { op: 'le', value: 1 }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
});

describe('parseTargetText: plain numbers follow the direction', () => {
  it.each<Case>([
    ['12', H, { op: 'ge', value: 12 }],
    ['37', L, { op: 'le', value: 37 }],
    ['增长10%', growth, { op: 'ge', value: 10 }],
    ['增长10%', { direction: 'lower', unit: '%' }, { op: 'le', value: 10 }],
    ['35亿美元', unit('亿美元'), { op: 'ge', value: 35 }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    const t = parseTargetText(text, ctx);
    expect(t).toMatchObject(expected);
    expect(t.notes?.join('')).toMatch(/未写“以上”“以下”/);
  });

  it('a numeric target is compared by the direction', () => {
    expect(parseTarget(6, growth)).toMatchObject({ op: 'ge', value: 6, text: '6' });
    expect(parseTarget(4.5, L)).toMatchObject({ op: 'le', value: 4.5 });
  });
});

describe('parseTargetText: 力争 (aspirational)', () => {
  it.each<Case>([
    ['力争达到4家', unit('家'), { op: 'ge', value: 4, aspirational: true }],
    ['力争达到80%以上', share, { op: 'ge', value: 80, aspirational: true }],
    ['力争提高至8%', share, { op: 'ge', value: 8, aspirational: true }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
  it('an ordinary target is not marked aspirational', () => {
    expect(parseTargetText('4家以上', unit('家')).aspirational).toBeUndefined();
  });
});

describe('parseTargetText: 左右 (approximate, tolerance ±0.5 for percentages, ±5% otherwise)', () => {
  it.each<Case>([
    ['增长6%左右', growth, { op: 'approx', value: 6, tolerance: 0.5 }],
    ['7左右', { direction: 'higher', kind: 'growth' }, { op: 'approx', value: 7, tolerance: 0.5 }],
    [
      '占全国份额13.4‰左右',
      { direction: 'higher', kind: 'share', unit: '‰' },
      { op: 'approx', value: 13.4, tolerance: 0.5 },
    ],
    [
      '提高3个百分点左右',
      { direction: 'higher', kind: 'share', unit: '个百分点' },
      { op: 'approx', value: 3, tolerance: 0.5 },
    ],
    ['100个左右', unit('个'), { op: 'approx', value: 100, tolerance: 5 }], // 5% of 100
    ['25项左右', unit('项'), { op: 'approx', value: 25, tolerance: 1.25 }], // 5% of 25
    ['增加3万人左右', unit('万人'), { op: 'approx', value: 3, tolerance: 0.15 }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
});

describe('parseTargetText: declines are signed', () => {
  it.each<Case>([
    ['下降4%以上', growth, { op: 'le', value: -4, decline: true }], // a decline of at least 4%: growth ≤ −4
    ['下降20%左右', growth, { op: 'approx', value: -20, decline: true }],
    ['下降3%', growth, { op: 'le', value: -3, decline: true }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
});

describe('parseTargetText: relative targets', () => {
  it.each<Case>([
    ['高于GDP增速1个百分点', growth, { op: 'relative', to: { label: 'GDP增速' }, offset: 1, unit: 'pp', cmp: 'ge' }],
    ['高于全市平均增速', growth, { op: 'relative', to: { city: true }, offset: 0, cmp: 'gt', toText: '全市平均增速' }],
    ['高于全市平均', H, { op: 'relative', to: { city: true }, cmp: 'gt' }],
    ['高于全省平均', share, { op: 'relative', to: { province: true }, cmp: 'gt' }],
    ['高于省均', share, { op: 'relative', to: { province: true }, cmp: 'gt' }],
    ['超过全省平均水平', unit('万元/亩'), { op: 'relative', to: { province: true }, cmp: 'gt' }],
    ['高于面上1个百分点', growth, { op: 'relative', to: { label: '面上' }, offset: 1, cmp: 'ge' }],
    ['不低于全省平均', H, { op: 'relative', to: { province: true }, offset: 0, cmp: 'ge' }],
    ['低于全省平均', L, { op: 'relative', to: { province: true }, offset: 0, cmp: 'lt' }],
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });
});

describe('parseTargetText: other forms', () => {
  it.each<Case>([
    ['每年新增10家', unit('家'), { op: 'yearlyIncrement', value: 10 }],
    ['[5.1]', growth, { op: 'cumulative', value: 5.1, cmp: 'ge' }],
    ['[17.4]以上', growth, { op: 'cumulative', value: 17.4, cmp: 'ge' }],
    ['1—2家', unit('家'), { op: 'range', min: 1, max: 2 }],
    ['2—3家', unit('家'), { op: 'range', min: 2, max: 3 }],
    ['进入全国前40位', unit('位', 'lower'), { op: 'le', value: 40 }],
    ['50强', unit('位', 'lower'), { op: 'le', value: 50 }],
    ['/', H, { op: 'notApplicable' }],
    ['／', H, { op: 'notApplicable' }], // full-width slash
  ])('%s (%j) → %j', (text, ctx, expected) => {
    expect(parseTargetText(text, ctx)).toMatchObject(expected);
  });

  it('4.5(含南太湖新区) keeps the remark as a note, and follows the direction', () => {
    const t = parseTargetText('4.5(含南太湖新区)', share);
    expect(t).toMatchObject({ op: 'ge', value: 4.5, text: '4.5(含南太湖新区)' });
    expect(t.notes).toContain('含南太湖新区');
    expect(parseTargetText('4.5（含南太湖新区）', { direction: 'lower', unit: '%' })).toMatchObject({
      op: 'le',
      value: 4.5,
    });
  });

  it('120%以上、高于省均 needs both parts', () => {
    const t = parseTargetText('120%以上、高于省均', share);
    expect(t.op).toBe('all');
    if (t.op !== 'all') return;
    expect(t.parts).toHaveLength(2);
    expect(t.parts[0]).toMatchObject({ op: 'ge', value: 120 });
    expect(t.parts[1]).toMatchObject({ op: 'relative', to: { province: true } });
  });
});

describe('parseTargetText: pending (judged by hand or filled in later)', () => {
  it.each([
    ['完成省定目标', /省下达（省定）/],
    ['完成省下达目标', /省下达（省定）/],
    ['待省下达任务指标后再分解', /省下达（省定）/],
    ['省下达指标', /省下达（省定）/],
    ['与经济增长同步', /同步或持平/],
    ['与经济增长基本同步', /同步或持平/],
    ['与全市固定资产投资增速基本持平', /同步或持平/],
    ['适度增长,提高占全省比重', /定性/],
  ])('%s → pending', (text, reason) => {
    const t = parseTargetText(text, H);
    expect(t.op).toBe('pending');
    if (t.op === 'pending') expect(t.reason).toMatch(reason);
  });
});

describe('parseTargetText: never guessed', () => {
  it.each<[string, TargetParseContext, RegExp]>([
    ['保持全省第一', share, /需人工判断/],
    ['2/3以上', share, /需人工判断/],
    ['9月底全部兑付到位', share, /需人工判断/],
    ['9月底全部兑付到位', H, /需人工判断/], // no unit given: "月底全部兑付到位" is not a unit
    ['破亿元', unit('亿元'), /需人工判断/],
    ['5—10项左右', unit('项'), /区间目标又写“左右”/],
    ['6%以上', unit('亿元'), /与指标单位“亿元”不一致/], // a growth target read against a level
    ['提高3个百分点', share, /不一致/], // 个百分点 is a change, the indicator is a share in %
    ['进入全国前40位', share, /目标为位次/],
    ['超过40以下', H, /相互矛盾/],
    ['', H, /目标为空/],
    ['较上年明显提高', H, /需人工判断/],
  ])('%s → unparsed', (text, ctx, reason) => {
    const t = parseTargetText(text, ctx);
    expect(t.op).toBe('unparsed');
    if (t.op === 'unparsed') expect(t.reason).toMatch(reason);
    expect(t.text).toBe(text);
  });
});

describe('describeTarget', () => {
  it.each<[string, TargetParseContext, string]>([
    ['6%以上', growth, '不低于6%'],
    ['超过40', H, '高于40'],
    ['≤4.5', { direction: 'lower', unit: '%' }, '不高于4.5%'],
    ['增长6%左右', growth, '6%左右（不低于5.5%即为达到）'],
    ['3左右', { direction: 'lower', unit: '%', kind: 'growth' }, '3%左右（不高于3.5%即为达到）'],
    ['下降4%以上', { direction: 'lower', unit: '%' }, '降幅不低于4%'],
    ['下降20%左右', { direction: 'lower', unit: '%' }, '下降20%左右（降幅不低于19.5%即为达到）'],
    ['高于GDP增速1个百分点', growth, '高于GDP增速1个百分点及以上'],
    ['高于全市平均增速', growth, '高于全市平均增速'],
    ['每年新增10家', unit('家'), '当年新增不少于10家'],
    ['1—2家', unit('家'), '1至2家'],
    ['[5.1]', growth, '规划期五年累计不低于5.1'],
    ['120%以上、高于省均', share, '不低于120%，且高于省均'],
  ])('%s → %s', (text, ctx, words) => {
    expect(describeTarget(parseTargetText(text, ctx), ctx.direction)).toBe(words);
  });
});
