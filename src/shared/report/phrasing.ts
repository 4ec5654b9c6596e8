import { differenceAtPrecision, roundHalfUp } from '../domain/rounding';
import { formatFixed } from '../domain/rounding';
import { formatPlain } from '../domain/format';
import { RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import type { RunBuilder } from './runs';
import type { Verdict } from './verdicts';
import { differenceUnit, riseWords, subjectOf, targetLabel, valueUnit } from './wording';

/**
 * The phrases a sentence about one region's figure is made of, appended to a RunBuilder so every number stays
 * linked to its fact. Each takes the unrounded figure, rounds once, and picks the words from the rounded value.
 */

export function calcRef(res: IndicatorResult, what: string, region: string): string {
  return `calc:${what}:${res.periodKey}/${res.systemId}/${res.indicator.id}/${region}`;
}

/** Sign of a value at a precision: 1, 0 or -1. */
function signAt(x: number, decimals: number): -1 | 0 | 1 {
  const r = roundHalfUp(x, decimals);
  return r > 0 ? 1 : r < 0 ? -1 : 0;
}

/** "增长9.0%" / "下降1.3%" / "持平"; prices "上涨0.4%". */
export function appendRise(
  b: RunBuilder,
  res: IndicatorResult,
  pct: number,
  decimals: number,
  ref: string,
  unit = '%',
): void {
  const { up, down } = riseWords(res.indicator);
  const sign = signAt(pct, decimals);
  if (sign === 0) {
    b.text('持平');
    return;
  }
  b.text(sign > 0 ? up : down).amount(Math.abs(pct), decimals, unit, ref);
}

/** "提高0.5个百分点" / "回落0.1个百分点" (个千分点 for ‰) / "持平". */
export function appendRateChange(
  b: RunBuilder,
  res: IndicatorResult,
  diff: number,
  decimals: number,
  ref: string,
  downWord = '下降',
): void {
  const sign = signAt(diff, decimals);
  if (sign === 0) {
    b.text('持平');
    return;
  }
  b.text(sign > 0 ? '提高' : downWord).amount(Math.abs(diff), decimals, differenceUnit(res.indicator), ref);
}

/** "高于全省平均0.9个百分点" / "低于…" / "与全省平均持平", on the figures as printed. */
export function appendVersus(
  b: RunBuilder,
  res: IndicatorResult,
  value: number,
  reference: number,
  what: string,
  ref: string,
): void {
  const diff = differenceAtPrecision(value, reference, res.decimals);
  const sign = signAt(diff, res.decimals);
  if (sign === 0) {
    b.text(`与${what}持平`);
    return;
  }
  b.text(`${sign > 0 ? '高于' : '低于'}${what}`).amount(
    Math.abs(diff),
    res.decimals,
    differenceUnit(res.indicator),
    ref,
  );
}

/** 同比 of a row: "，同比增长7.9%" for totals, "，比上年同期提高0.5个百分点" for rates. */
export function appendYearOnYear(
  b: RunBuilder,
  res: IndicatorResult,
  row: RegionResult,
  growthSentence: boolean,
): void {
  if (!row.yoy.ok) return;
  const ref = calcRef(res, 'yoy', row.region);
  const what = growthSentence ? '增速' : '';
  if (row.yoy.mode === 'pp') {
    if (signAt(row.yoy.value, RATE_DECIMALS) === 0) {
      b.text(`，${what}与上年同期持平`);
      return;
    }
    b.text(`，${what}比上年同期`);
    appendRateChange(b, res, row.yoy.value, RATE_DECIMALS, ref, growthSentence ? '回落' : '下降');
    return;
  }
  b.text(signAt(row.yoy.value, RATE_DECIMALS) === 0 ? '，与上年同期' : '，同比');
  appendRise(b, res, row.yoy.value, RATE_DECIMALS, ref);
}

/** What the target is called: 年度目标 for 全市 (and a district held to it), 年度分解目标 for a district's own. */
export function targetWord(row: RegionResult): string {
  return row.isTotal || !row.ownTarget ? '年度目标' : '年度分解目标';
}

/**
 * A judged target, in the direction's words: "高于年度目标（7%）2.0个百分点", "控制在年度目标（0.6吨标煤/万元）以内",
 * "未达到年度目标（力争达到80%以上）". The gap is printed only for a numeric target, from the figures as printed.
 */
export function appendTargetJudgement(b: RunBuilder, res: IndicatorResult, row: RegionResult, met: boolean): void {
  const ind = res.indicator;
  const target = row.target;
  if (target === null || typeof row.value !== 'number') return;
  const label = `${targetWord(row)}（${targetLabel(target, ind)}）`;
  if (typeof target !== 'number') {
    // Words state which side is good ("3%以内", "高于全市平均增速"): "符合年度目标（3%以内）要求", "达到年度目标（…）".
    const bounded = /(以内|以下)$/.test(target);
    if (bounded) b.text(met ? `符合${label}要求` : `未达到${label}要求`);
    else b.text(met ? `达到${label}` : `未达到${label}`);
    return;
  }
  // The figure as printed against the target as set (a target may carry more decimals than the figure:
  // 10 against 10.2 is 0.2 short, never "持平").
  const decimals = Math.max(res.decimals, decimalsOf(target));
  const diff = roundHalfUp(roundHalfUp(row.value, res.decimals) - target, decimals);
  const sign = signAt(diff, decimals);
  const ref = calcRef(res, 'gap', row.region);
  const unit = differenceUnit(ind);
  if (ind.direction === 'lower' && met) {
    b.text(`控制在${label}以内`);
    return;
  }
  if (sign === 0) {
    b.text(`与${label}持平`);
    return;
  }
  b.text(`${sign > 0 ? '高于' : '低于'}${label}`).amount(Math.abs(diff), decimals, unit, ref);
}

/** Decimal places a number is written with (10.25 → 2). */
function decimalsOf(x: number): number {
  const text = formatPlain(x, 6);
  return text.includes('.') ? text.length - text.indexOf('.') - 1 : 0;
}

/** "完成年度目标（1200家）的84.5%". */
export function appendCompletion(b: RunBuilder, res: IndicatorResult, row: RegionResult): void {
  if (!row.completion?.ok || row.target === null) return;
  b.text(`完成${targetWord(row)}（${targetLabel(row.target, res.indicator)}）的`).amount(
    row.completion.rate,
    RATE_DECIMALS,
    '%',
    calcRef(res, 'completion', row.region),
  );
}

/** "超序时进度9.5个百分点" / "落后序时进度3.2个百分点" / "与序时进度持平". */
export function appendProgress(b: RunBuilder, res: IndicatorResult, row: RegionResult): void {
  if (row.aheadPp === null) return;
  const sign = signAt(row.aheadPp, RATE_DECIMALS);
  if (sign === 0) {
    b.text('与序时进度持平');
    return;
  }
  b.text(sign > 0 ? '超序时进度' : '落后序时进度').amount(
    Math.abs(row.aheadPp),
    RATE_DECIMALS,
    '个百分点',
    calcRef(res, 'ahead', row.region),
  );
}

/** "高于三季度末节点目标（85%）1.9个百分点"; between nodes "高于序时进度要求（80%）…". */
export function appendNode(b: RunBuilder, res: IndicatorResult, row: RegionResult): void {
  const node = row.node;
  if (!node || node.gap === undefined) return;
  const unit = valueUnit(res.indicator);
  const dueText = `${formatPlain(node.due, res.decimals)}${unit}`;
  const label = node.exact ? `${node.name}节点目标（${dueText}）` : `序时进度要求（${dueText}）`;
  const gap = roundHalfUp(node.gap, res.decimals);
  const sign = signAt(gap, res.decimals);
  if (sign === 0) {
    b.text(`达到${label}`);
    return;
  }
  b.text(`${sign > 0 ? '高于' : '低于'}${label}`).amount(
    Math.abs(gap),
    res.decimals,
    differenceUnit(res.indicator),
    calcRef(res, 'node', row.region),
  );
}

/** The verdict of a row in words, after its figure (", 完成…, 超序时进度…"); nothing when not judged. */
export function appendVerdict(b: RunBuilder, res: IndicatorResult, row: RegionResult, verdict: Verdict): void {
  switch (verdict.kind) {
    case 'target':
      if (row.completion?.ok && (res.indicator.kind === 'level' || res.indicator.kind === 'count')) {
        b.text('，');
        appendCompletion(b, res, row);
        b.text(
          verdict.met ? (roundHalfUp(row.completion.rate, RATE_DECIMALS) > 100 ? '，超额完成' : '，完成') : '，未完成',
        );
        b.text(targetWord(row));
        return;
      }
      b.text('，');
      appendTargetJudgement(b, res, row, verdict.met);
      return;
    case 'progress':
      b.text('，');
      appendCompletion(b, res, row);
      b.text('，');
      appendProgress(b, res, row);
      return;
    case 'node':
      b.text('，');
      appendNode(b, res, row);
      return;
    case 'notYet':
      if (row.target !== null) b.text(`，${targetWord(row)}为${targetLabel(row.target, res.indicator)}，按全年考核`);
      return;
    case 'noFigure':
    case 'notApplicable':
    case 'noTarget':
    case 'pending':
      return;
  }
}

/**
 * A row's figure opening a clause: "规上工业增加值同比增长9.0%", "高耗低效整治企业数累计1014家", "研发费用占比为2.6%",
 * "营业收入占比提高1.6个百分点".
 */
export function appendFigure(b: RunBuilder, res: IndicatorResult, row: RegionResult, withYoyWord = true): void {
  const ind = res.indicator;
  if (typeof row.value !== 'number') return;
  if (ind.kind === 'growth') {
    b.text(`${subjectOf(ind.name)}${withYoyWord ? '同比' : ''}`);
    appendRise(b, res, row.value, res.decimals, row.ref, valueUnit(ind));
    return;
  }
  const unit = valueUnit(ind);
  const verb =
    ind.ytd && (ind.kind === 'level' || ind.kind === 'count')
      ? '累计'
      : /(提高|增加|下降|降低|减少)$/.test(ind.name) && (unit === '个百分点' || unit === '个千分点')
        ? ''
        : '为';
  b.text(`${ind.name}${verb}`).amount(row.value, res.decimals, unit, row.ref);
}

/** A rate as printed with its unit, for lists ("8.7%", "88.5%"). */
export function rateText(x: number): string {
  return `${formatFixed(x, RATE_DECIMALS)}%`;
}
