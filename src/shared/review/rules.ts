import { DEFAULT_ANOMALY_OPTIONS, GROWTH_LIMIT_PERCENT, type AnomalyOptions } from '../domain/figure-anomalies';
import { formatPlain } from '../domain/format';
import type { AnomalyKind } from '../import-types';

/**
 * The 审核 rules, written as data a clerk can read: the way 统计联网直报 lists its 审核公式, each with a
 * number, a level, the formula in words, where it applies and what to do. 错误 (强制性审核) blocks the
 * export of documents until the figure is corrected or the finding is confirmed with a 说明; 提示
 * (核实性审核) asks the clerk to check and never blocks.
 */

export type ReviewLevel = '错误' | '提示';

export type ReviewRuleId =
  | 'city-sum'
  | 'city-sum-blank'
  | 'city-range'
  | 'growth-range'
  | 'jump'
  | 'sign-flip'
  | 'ytd-decrease'
  | 'same-as'
  | 'same-as-blank';

export interface ReviewRule {
  id: ReviewRuleId;
  /** 审核公式编号, as printed on the 审核 panel and by the command line. */
  code: string;
  level: ReviewLevel;
  name: string;
  /** The formula in words, with its thresholds. */
  formula: string;
  /** Which indicators and cells it applies to. */
  scope: string;
  /** What the clerk does about a finding. */
  action: string;
}

/** The plausibility rules shared with the import, by the anomaly kind detectAnomalies reports. */
export const ANOMALY_RULES: Readonly<Record<AnomalyKind, ReviewRuleId>> = {
  jump: 'jump',
  signFlip: 'sign-flip',
  ytdDecrease: 'ytd-decrease',
  growthRange: 'growth-range',
};

/** The rules with the thresholds in force (the import's anomaly options, which the entry uses too). */
export function reviewRules(options: AnomalyOptions = DEFAULT_ANOMALY_OPTIONS): ReviewRule[] {
  const jumpPercent = formatPlain(options.levelJumpRatio * 100, 1);
  const jumpPoints = formatPlain(options.rateJumpPoints, 2);
  return [
    {
      id: 'city-sum',
      code: 'SH01',
      level: '错误',
      name: '全市等于各区县之和',
      formula: '全市 = Σ各区县（“/”按 0 计；允许误差为区县个数 × 末位半个单位）',
      scope: '标明“全市为各区县之和”的总量、个数指标，各区县均已填报时',
      action: '核对全市数和各区县数，改正填错的一方；确属统计口径不同的，填写说明后确认',
    },
    {
      id: 'city-sum-blank',
      code: 'SH02',
      level: '提示',
      name: '全市未填，可取区县合计',
      formula: '全市为空，且各区县均已填报 → 全市可取 Σ各区县',
      scope: '标明“全市为各区县之和”的总量、个数指标',
      action: '点“取区县合计”一次写入全市数（修改记录注明由区县合计计算），或填入统计部门核定的全市数',
    },
    {
      id: 'city-range',
      code: 'SH03',
      level: '提示',
      name: '全市在各区县之间',
      formula: 'min(各区县) ≤ 全市 ≤ max(各区县)（允许末位半个单位的误差）',
      scope: '增速、比重、人均亩均等不能相加的指标，各区县均已填报时',
      action: '全市的增速、比重是各区县的加权平均，不会高于最高或低于最低的区县；请核对全市数',
    },
    {
      id: 'growth-range',
      code: 'SH04',
      level: '错误',
      name: '增速不超过±100%',
      formula: `−${GROWTH_LIMIT_PERCENT}% ≤ 增速 ≤ ${GROWTH_LIMIT_PERCENT}%`,
      scope: '增速（增长率）指标的每个数',
      action: '多为多输了位数、小数点位置不对或把总量填成了增速，请改正；确属基数很小等原因的，填写说明后确认',
    },
    {
      id: 'jump',
      code: 'SH05',
      level: '提示',
      name: '与上期相比变动过大',
      formula: `总量、个数、人均亩均：|本期 − 上期| ÷ 上期 ≤ ${jumpPercent}%（年内累计数先按月数折算上期）；增速、比重：|本期 − 上期| ≤ ${jumpPoints}个百分点`,
      scope: '上期有数的每个数（1月、一季度的累计数不与上年末比较）',
      action: '核实后如数无误，填写说明（如“新投产项目入统”）后确认',
    },
    {
      id: 'sign-flip',
      code: 'SH06',
      level: '提示',
      name: '与上期正负相反',
      formula: '本期 × 上期 ≥ 0（本期或上期为 0 时不检查）',
      scope: '上期有数的每个数',
      action: '核实是否漏填或多填了负号；增速由正转负属正常的，填写说明后确认',
    },
    {
      id: 'ytd-decrease',
      code: 'SH07',
      level: '错误',
      name: '累计数不低于上期累计数',
      formula: '1—N月累计 ≥ 1—(N−1)月累计',
      scope: '年内累计的总量、个数指标（1月、一季度除外）',
      action: '年内累计数不会减少：请核对是否填成了当月数；统计部门确有核减的，填写说明后确认',
    },
    {
      id: 'same-as',
      code: 'SH08',
      level: '错误',
      name: '同一数据在两个体系中一致',
      formula: '本体系指标 = 关联体系的同一指标（允许末位半个单位的误差）',
      scope: '指标体系中声明为“同一数据”（sameAs）的两个指标，两边都填报了的地区',
      action: '两张表报的是同一个数，请改正填错的一方；口径确有不同的，填写说明后确认',
    },
    {
      id: 'same-as-blank',
      code: 'SH09',
      level: '提示',
      name: '同一数据一方未填',
      formula: '关联体系已有全市数，本体系全市为空 → 可照填',
      scope: '声明为“同一数据”的两个指标的全市数',
      action: '点“照填”一次写入（修改记录注明照填自哪个体系），或填入本表的数',
    },
  ];
}

export function ruleById(rules: readonly ReviewRule[], id: ReviewRuleId): ReviewRule {
  const rule = rules.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown review rule ${id}`);
  return rule;
}
