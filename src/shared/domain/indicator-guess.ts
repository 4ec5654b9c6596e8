import type { Direction, Frequency, IndicatorKind, RankBy, TargetValue } from '../schemas/indicator-system';
import { normalizeTargetText } from './target-text';

/** A value the app proposes for a field the table does not print, and why, in Chinese. */
export interface Guessed<T> {
  value: T;
  reason: string;
}

export interface IndicatorGuess {
  kind: Guessed<IndicatorKind>;
  direction: Guessed<Direction>;
  decimals: Guessed<number>;
  frequency: Guessed<Frequency>;
  ytd: Guessed<boolean>;
  rankBy: Guessed<RankBy>;
  cityIsSumOfRegions: Guessed<boolean>;
}

export interface GuessInput {
  name: string;
  unit: string;
  /** Every target printed for the indicator (years and regions), numbers and texts alike. */
  targets: TargetValue[];
  /** The kind when it is known (printed or chosen): the other defaults follow it. */
  kind?: Guessed<IndicatorKind>;
}

const COUNT_UNITS =
  /^万?(家|个|项|件|人|人次|套|所|座|次|辆|台|名|户|条|只|张|批|场|场次|家次|篇|床|间|艘|架|处|部|支|栋)$/;
const LEVEL_UNITS = /(元|美元|吨|TEU|公里|千瓦|瓦时|立方米|平方米|公顷|亩|标准煤)$|^(位|名次)$/;
const PERCENT_UNITS = /^(%|‰|个百分点)$/;
const GROWTH_WORDS = /(增长|增速|增幅|涨幅|年均增长|增长率)$|(增长|增速|增幅|涨幅)(率)?(\(|$)/;
const DECLINE_RATE = /(降低|下降|减少)(率)?$/;
const SHARE_WORDS = /(占比|比重|比例|份额|覆盖率|率|达标率|合格率|优良率|指数)/;
const PER_PERSON_WORDS = /(人均|亩均|户均|地均|^每万人|^每千人|^每百人|^每万名|^每千名|^每万老年人)/;
const PER_OUTPUT_WORDS = /^(每万元|万元|亿元|单位)/;
const LOWER_WORDS =
  /(失业率|能耗|耗地|耗水|用水量|排放|浓度|死亡|事故|亏损|不良率|发生率|负债率|空置率|费率|涨幅|PUE|排名|位次)/;

function decimalsOf(value: number): number {
  const text = String(Number(value.toPrecision(12)));
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

/** Numbers written in the targets, numeric or inside text ("增长6.5%左右" → 6.5). */
function targetNumbers(targets: TargetValue[]): number[] {
  const out: number[] = [];
  for (const t of targets) {
    if (typeof t === 'number') out.push(t);
    else for (const m of normalizeTargetText(t).matchAll(/\d+(?:\.\d+)?/g)) out.push(Number(m[0]));
  }
  return out;
}

function guessKind(name: string, unitAsPrinted: string): Guessed<IndicatorKind> {
  const n = name.replace(/\s+/g, '');
  // "家(个)", "个(家)": the unit with its alternative in parentheses.
  const unit = unitAsPrinted.replace(/[(（][^)）]*[)）]$/, '');
  if (unit === '个百分点') return { value: 'share', reason: '单位为“个百分点”，按占比/比率的变化处理' };
  if (PERCENT_UNITS.test(unit)) {
    if (DECLINE_RATE.test(n))
      return { value: 'growth', reason: `名称以“降低/下降”结尾且单位为${unit}，按降低率（增速类）处理` };
    if (GROWTH_WORDS.test(n)) return { value: 'growth', reason: `名称含“增长/增速”且单位为${unit}，按增速处理` };
    if (SHARE_WORDS.test(n)) return { value: 'share', reason: `名称含“占比/比重/率”且单位为${unit}，按占比/比率处理` };
    return { value: 'share', reason: `单位为${unit}，按占比/比率处理（如是增速请改为“增速”）` };
  }
  if (unit.includes('/')) return { value: 'perUnit', reason: `单位“${unit}”是人均/亩均类单位` };
  if (PER_PERSON_WORDS.test(n)) return { value: 'perUnit', reason: '名称以“人均/亩均/每万人”等开头' };
  if (PER_OUTPUT_WORDS.test(n) && unit !== '' && !COUNT_UNITS.test(unit))
    return { value: 'perUnit', reason: '名称以“单位/万元/亿元（生产总值）”开头，是强度类指标' };
  if (COUNT_UNITS.test(unit)) return { value: 'count', reason: `单位为“${unit}”，按个数处理` };
  if (LEVEL_UNITS.test(unit)) return { value: 'level', reason: `单位为“${unit}”，按总量处理` };
  if (unit === '') return { value: 'level', reason: '没有单位，暂按总量处理，请核对' };
  return { value: 'level', reason: `单位“${unit}”未能归类，暂按总量处理，请核对` };
}

function guessDirection(name: string, targets: TargetValue[]): Guessed<Direction> {
  const n = name.replace(/\s+/g, '');
  if (DECLINE_RATE.test(n)) return { value: 'higher', reason: '降低率：降得越多越好，按越大越好处理' };
  const lower = LOWER_WORDS.exec(n);
  if (lower) return { value: 'lower', reason: `名称含“${lower[1] ?? ''}”，按越小越好处理` };
  const capped = targets.find(
    (t) => typeof t === 'string' && /(≤|<=|以内|以下|不超过|不高于|控制在|低于|降至|前\d+)/.test(t),
  );
  if (capped !== undefined) return { value: 'lower', reason: `目标写作“${String(capped)}”（上限），按越小越好处理` };
  return { value: 'higher', reason: '按越大越好处理（能耗、失业率、浓度等越小越好的指标请修改）' };
}

function guessDecimals(kind: IndicatorKind, targets: TargetValue[]): Guessed<number> {
  const places = Math.min(
    4,
    targetNumbers(targets).reduce((m, v) => Math.max(m, decimalsOf(v)), 0),
  );
  if (kind === 'count')
    return places === 0
      ? { value: 0, reason: '个数按整数发布' }
      : { value: places, reason: `目标中有 ${places} 位小数` };
  if (places <= 1) return { value: 1, reason: '总量、增速、占比和人均/亩均至少保留 1 位小数' };
  return { value: places, reason: `目标中有 ${places} 位小数` };
}

/**
 * What a table row does not say but every calculation needs: the kind, the direction, the published
 * precision, how often it is reported and how districts are ranked. Each guess comes with its reason so
 * the clerk can check it before anything is stored; the defaults follow what the shipped systems use for
 * indicators of the same kind.
 */
export function guessIndicator(input: GuessInput): IndicatorGuess {
  const kind = input.kind ?? guessKind(input.name, input.unit);
  const direction = guessDirection(input.name, input.targets);
  const decimals = guessDecimals(kind.value, input.targets);
  const k = kind.value;
  const frequency: Guessed<Frequency> =
    k === 'level' || k === 'growth'
      ? { value: 'monthly', reason: '总量和增速一般按月报送（1—N月累计），如按季或按年报送请修改' }
      : k === 'share'
        ? { value: 'quarterly', reason: '占比/比率一般按季报送，如按月或按年报送请修改' }
        : { value: 'annual', reason: '个数和人均/亩均一般按年报送，如按月或按季报送请修改' };
  const ytd: Guessed<boolean> =
    k === 'level' || k === 'growth'
      ? { value: true, reason: '月度数按年内累计（1—N月）' }
      : { value: false, reason: '按期末数，不做年内累计' };
  const rankBy: Guessed<RankBy> =
    k === 'growth'
      ? { value: 'growth', reason: '增速类按增速排位' }
      : k === 'level' || k === 'count'
        ? { value: 'completion', reason: '总量和个数按完成率排位' }
        : { value: 'value', reason: '占比和人均/亩均按数值排位' };
  const cityIsSumOfRegions: Guessed<boolean> =
    k === 'level' || k === 'count'
      ? { value: true, reason: '总量和个数的全市数等于各区县之和' }
      : { value: false, reason: '比率、增速和人均类的全市数单独填报' };
  return { kind, direction, decimals, frequency, ytd, rankBy, cityIsSumOfRegions };
}
