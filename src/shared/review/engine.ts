import { detectAnomalies, DEFAULT_ANOMALY_OPTIONS, type AnomalyOptions } from '../domain/figure-anomalies';
import { formatPlain } from '../domain/format';
import { periodTitle } from '../domain/period-labels';
import { parsePeriod, periodKey, previousPeriod, type Period } from '../domain/periods';
import { roundHalfUp } from '../domain/rounding';
import { figureKeyFor } from '../report/figure-keys';
import type { FigureValue } from '../schemas/figure';
import type { Frequency, Indicator, IndicatorSystem } from '../schemas/indicator-system';
import { activeIndicator, activeIndicators, TOTAL_REGION } from '../systems/accessors';
import { plausibilityInput } from './plausibility';
import { ANOMALY_RULES, reviewRules, ruleById, type ReviewLevel, type ReviewRule, type ReviewRuleId } from './rules';

/** One stored figure: the storage period key, system, indicator and region. */
export interface ReviewCell {
  period: string;
  systemId: string;
  indicatorId: string;
  region: string;
}

/** A value the finding compared, with what it is ("全市", "区县合计", "上期"). */
export interface ReviewValue {
  label: string;
  value: FigureValue;
  cell?: ReviewCell;
}

/** A one-click correction: the value the rule can compute for the cell (the sum, the twin's figure). */
export interface ReviewFix {
  value: number;
  /** The button: "取区县合计 786家". */
  label: string;
  /** How it was computed, recorded with the figure: "吴兴 120 + 南浔 98 + … = 786". */
  detail: string;
}

export interface ReviewFinding {
  /** Stable id of the finding: the rule and the cell (and the twin cell for same-as). */
  key: string;
  ruleId: ReviewRuleId;
  code: string;
  level: ReviewLevel;
  ruleName: string;
  /** The cell the finding is about (where a 说明 belongs, where a fix is written). */
  cell: ReviewCell;
  systemTitle: string;
  indicatorName: string;
  unit: string;
  values: ReviewValue[];
  /** What is wrong, in Chinese, with the figures and the difference. */
  message: string;
  fix?: ReviewFix;
  /**
   * The values the finding was made from. A confirmation holds while they are unchanged: changing a
   * figure the clerk confirmed asks again.
   */
  fingerprint: string;
}

export type FigureLookup = (
  key: string,
  systemId: string,
  indicatorId: string,
  region: string,
) => FigureValue | undefined;

export interface ReviewInput {
  /** The reporting period (a month, quarter or year): each indicator is read at its own storage key. */
  period: Period;
  systems: readonly IndicatorSystem[];
  /** The workspace's districts in official order (全市 is implied). */
  regions: readonly string[];
  lookup: FigureLookup;
  /** Published decimals, with the workspace's overrides. */
  decimalsOf?: (systemId: string, indicator: Indicator) => number;
  options?: AnomalyOptions;
}

export interface ReviewOutput {
  rules: ReviewRule[];
  findings: ReviewFinding[];
  /** Figures looked at (numbers and "/"). */
  checkedCells: number;
}

/** Every storage key a review of `period` reads: each frequency's key and the period before it. */
export function reviewKeysNeeded(period: Period, frequencies: Iterable<Frequency>): string[] {
  const keys = new Set<string>();
  for (const f of frequencies) {
    const key = figureKeyFor(f, period);
    if (!key) continue;
    keys.add(key);
    keys.add(periodKey(previousPeriod(parsePeriod(key))));
  }
  return [...keys].sort();
}

/** "937家", "7.2%", "37.5万元/亩". */
export function amountText(value: number, unit: string): string {
  return `${formatPlain(value, 6)}${unit}`;
}

/** A signed difference in the unit a clerk says it in: 个百分点 for %, 个千分点 for ‰. */
export function differenceText(diff: number, unit: string): string {
  const sign = diff > 0 ? '+' : diff < 0 ? '−' : '';
  const size = formatPlain(Math.abs(diff), 6);
  if (unit === '%') return `${sign}${size}个百分点`;
  if (unit === '‰') return `${sign}${size}个千分点`;
  return `${sign}${size}${unit}`;
}

function valueText(v: FigureValue | undefined, unit: string): string {
  if (v === null || v === undefined) return '未填';
  if (v === '/') return '/（不适用）';
  return amountText(v, unit);
}

/** Half a unit in the last published place: two figures closer than this print alike. */
function halfUnit(decimals: number): number {
  return 0.5 * 10 ** -decimals;
}

function beyond(diff: number, tolerance: number, scale: number): boolean {
  return Math.abs(diff) > tolerance + 1e-9 * Math.max(1, Math.abs(scale));
}

class FindingList {
  readonly out: ReviewFinding[] = [];
  constructor(private readonly rules: readonly ReviewRule[]) {}

  add(
    ruleId: ReviewRuleId,
    ctx: { system: IndicatorSystem; ind: Indicator },
    cell: ReviewCell,
    detail: { values: ReviewValue[]; message: string; fix?: ReviewFix; keySuffix?: string },
  ): void {
    const rule = ruleById(this.rules, ruleId);
    this.out.push({
      key: [ruleId, cell.period, cell.systemId, cell.indicatorId, cell.region, detail.keySuffix ?? '']
        .join('|')
        .replace(/\|$/, ''),
      ruleId,
      code: rule.code,
      level: rule.level,
      ruleName: rule.name,
      cell,
      systemTitle: ctx.system.title,
      indicatorName: ctx.ind.name,
      unit: ctx.ind.unit,
      values: detail.values,
      message: detail.message,
      ...(detail.fix ? { fix: detail.fix } : {}),
      fingerprint: detail.values.map((v) => (v.value === null ? '' : String(v.value))).join('|'),
    });
  }
}

/**
 * Runs the 审核 rules on a period's figures. Pure: the figures come through `lookup`, nothing is read or
 * written, and the same call serves the entry grid, the import preview (on the figures as they would be)
 * and the check before export.
 */
export function runReview(input: ReviewInput): ReviewOutput {
  const options = input.options ?? DEFAULT_ANOMALY_OPTIONS;
  const rules = reviewRules(options);
  const list = new FindingList(rules);
  const regions = [TOTAL_REGION, ...input.regions];
  let checkedCells = 0;
  const decimalsOf = (s: IndicatorSystem, ind: Indicator) => input.decimalsOf?.(s.id, ind) ?? ind.decimals;

  for (const system of input.systems) {
    for (const ind of activeIndicators(system)) {
      const key = figureKeyFor(ind.frequency, input.period);
      if (!key) continue;
      const ctx = { system, ind };
      const get = (region: string) => input.lookup(key, system.id, ind.id, region) ?? null;
      const cellOf = (region: string): ReviewCell => ({
        period: key,
        systemId: system.id,
        indicatorId: ind.id,
        region,
      });
      for (const region of regions) if (get(region) !== null) checkedCells++;
      plausibility(list, ctx, key, input.lookup, regions, options);
      const decimals = decimalsOf(system, ind);
      if (ind.cityIsSumOfRegions) citySum(list, ctx, input.regions, get, cellOf, decimals);
      else if (ind.kind === 'growth' || ind.kind === 'share' || ind.kind === 'perUnit')
        cityRange(list, ctx, input.regions, get, cellOf, decimals);
    }
  }
  sameAs(list, input, regions, decimalsOf);
  return { rules, findings: list.out, checkedCells };
}

function plausibility(
  list: FindingList,
  ctx: { system: IndicatorSystem; ind: Indicator },
  key: string,
  lookup: FigureLookup,
  regions: readonly string[],
  options: AnomalyOptions,
): void {
  const { system, ind } = ctx;
  const p = parsePeriod(key);
  const prev = previousPeriod(p);
  const prevKey = periodKey(prev);
  for (const region of regions) {
    const value = lookup(key, system.id, ind.id, region);
    if (typeof value !== 'number') continue;
    const previous = lookup(prevKey, system.id, ind.id, region);
    const anomalies = detectAnomalies(plausibilityInput(ind, key, region, value, previous), options);
    const cell = { period: key, systemId: system.id, indicatorId: ind.id, region };
    for (const a of anomalies) {
      const values: ReviewValue[] = [{ label: `本期（${periodTitle(p)}）`, value, cell }];
      if (a.kind !== 'growthRange')
        values.push({
          label: `上期（${periodTitle(prev)}）`,
          value: previous ?? null,
          cell: { ...cell, period: prevKey },
        });
      list.add(ANOMALY_RULES[a.kind], ctx, cell, { values, message: `${region}：${a.message}` });
    }
  }
}

/** The districts' figures when every district has reported (a number or "/"), else null. */
function districtFigures(
  districts: readonly string[],
  get: (region: string) => FigureValue,
): { region: string; value: number | '/' }[] | null {
  const out: { region: string; value: number | '/' }[] = [];
  for (const region of districts) {
    const v = get(region);
    if (v === null) return null;
    out.push({ region, value: v });
  }
  return out;
}

function citySum(
  list: FindingList,
  ctx: { system: IndicatorSystem; ind: Indicator },
  districts: readonly string[],
  get: (region: string) => FigureValue,
  cellOf: (region: string) => ReviewCell,
  decimals: number,
): void {
  const { ind } = ctx;
  const parts = districtFigures(districts, get);
  if (!parts) return;
  const numbers = parts.filter((p): p is { region: string; value: number } => typeof p.value === 'number');
  if (numbers.length === 0) return;
  const sum = roundHalfUp(
    numbers.reduce((a, p) => a + p.value, 0),
    decimals + 2,
  );
  const detail = `${numbers.map((p) => `${p.region} ${formatPlain(p.value, 6)}`).join(' + ')} = ${amountText(sum, ind.unit)}`;
  const city = get(TOTAL_REGION);
  const values: ReviewValue[] = [
    { label: '全市', value: city, cell: cellOf(TOTAL_REGION) },
    { label: '各区县合计', value: sum },
    ...parts.map((p) => ({ label: p.region, value: p.value, cell: cellOf(p.region) })),
  ];
  if (city === null) {
    list.add('city-sum-blank', ctx, cellOf(TOTAL_REGION), {
      values,
      message: `全市未填；各区县均已填报，合计 ${amountText(sum, ind.unit)}（${detail}）`,
      fix: { value: sum, label: `取区县合计 ${amountText(sum, ind.unit)}`, detail: `由各区县合计：${detail}` },
    });
    return;
  }
  if (city === '/') return;
  // Counted things are exact; amounts may each be rounded to the published precision.
  const tolerance = ind.kind === 'count' && decimals === 0 ? 0 : numbers.length * halfUnit(decimals);
  const diff = roundHalfUp(city - sum, decimals + 2);
  if (!beyond(diff, tolerance, city)) return;
  list.add('city-sum', ctx, cellOf(TOTAL_REGION), {
    values,
    message: `全市 ${amountText(city, ind.unit)}，各区县合计 ${amountText(sum, ind.unit)}，相差 ${differenceText(diff, ind.unit)}（${detail}）`,
  });
}

function cityRange(
  list: FindingList,
  ctx: { system: IndicatorSystem; ind: Indicator },
  districts: readonly string[],
  get: (region: string) => FigureValue,
  cellOf: (region: string) => ReviewCell,
  decimals: number,
): void {
  const { ind } = ctx;
  const city = get(TOTAL_REGION);
  if (typeof city !== 'number') return;
  const parts = districtFigures(districts, get);
  if (!parts) return;
  const numbers = parts.filter((p): p is { region: string; value: number } => typeof p.value === 'number');
  if (numbers.length < 2) return;
  let low = numbers[0]!;
  let high = numbers[0]!;
  for (const p of numbers) {
    if (p.value < low.value) low = p;
    if (p.value > high.value) high = p;
  }
  const tolerance = halfUnit(decimals);
  const above = city - high.value;
  const below = low.value - city;
  if (!beyond(Math.max(above, 0), tolerance, city) && !beyond(Math.max(below, 0), tolerance, city)) return;
  const edge = above > 0 ? high : low;
  const values: ReviewValue[] = [
    { label: '全市', value: city, cell: cellOf(TOTAL_REGION) },
    { label: `最低（${low.region}）`, value: low.value, cell: cellOf(low.region) },
    { label: `最高（${high.region}）`, value: high.value, cell: cellOf(high.region) },
  ];
  list.add('city-range', ctx, cellOf(TOTAL_REGION), {
    values,
    message: `全市 ${amountText(city, ind.unit)}，${above > 0 ? '高于各区县的最高值' : '低于各区县的最低值'}（${edge.region} ${amountText(edge.value, ind.unit)}，相差 ${differenceText(roundHalfUp(city - edge.value, decimals + 2), ind.unit)}），各区县在 ${amountText(low.value, ind.unit)}～${amountText(high.value, ind.unit)} 之间`,
  });
}

function sameAs(
  list: FindingList,
  input: ReviewInput,
  regions: readonly string[],
  decimalsOf: (s: IndicatorSystem, ind: Indicator) => number,
): void {
  const seen = new Set<string>();
  for (const system of input.systems) {
    for (const ind of activeIndicators(system)) {
      for (const link of ind.sameAs ?? []) {
        const other = input.systems.find((s) => s.id === link.systemId);
        const twin = other ? activeIndicator(other, link.indicatorId) : undefined;
        if (!other || !twin || other.id === system.id || twin.unit !== ind.unit) continue;
        const pair = [`${system.id}/${ind.id}`, `${other.id}/${twin.id}`].sort().join('=');
        if (seen.has(pair)) continue;
        seen.add(pair);
        const keyA = figureKeyFor(ind.frequency, input.period);
        const keyB = figureKeyFor(twin.frequency, input.period);
        if (!keyA || !keyB) continue;
        comparePair(
          list,
          { system, ind, key: keyA, decimals: decimalsOf(system, ind) },
          { system: other, ind: twin, key: keyB, decimals: decimalsOf(other, twin) },
          input.lookup,
          regions,
        );
      }
    }
  }
}

interface Side {
  system: IndicatorSystem;
  ind: Indicator;
  key: string;
  decimals: number;
}

function comparePair(list: FindingList, a: Side, b: Side, lookup: FigureLookup, regions: readonly string[]): void {
  const unit = a.ind.unit;
  const name = (s: Side) => `《${s.system.title}》“${s.ind.name}”`;
  const cell = (s: Side, region: string): ReviewCell => ({
    period: s.key,
    systemId: s.system.id,
    indicatorId: s.ind.id,
    region,
  });
  for (const region of regions) {
    const va = lookup(a.key, a.system.id, a.ind.id, region) ?? null;
    const vb = lookup(b.key, b.system.id, b.ind.id, region) ?? null;
    const values = (first: Side, v1: FigureValue, second: Side, v2: FigureValue): ReviewValue[] => [
      { label: name(first), value: v1, cell: cell(first, region) },
      { label: name(second), value: v2, cell: cell(second, region) },
    ];
    const twinSuffix = (s: Side) => `${s.key}|${s.system.id}|${s.ind.id}`;
    if (va !== null && vb !== null) {
      const numeric = typeof va === 'number' && typeof vb === 'number';
      const diff = numeric ? roundHalfUp(va - vb, Math.max(a.decimals, b.decimals) + 2) : 0;
      if (numeric && !beyond(diff, halfUnit(Math.min(a.decimals, b.decimals)), va)) continue;
      if (!numeric && va === vb) continue;
      list.add('same-as', a, cell(a, region), {
        values: values(a, va, b, vb),
        keySuffix: twinSuffix(b),
        message: `${region}：${valueText(va, unit)}，与${name(b)}的 ${valueText(vb, unit)} 不一致${numeric ? `，相差 ${differenceText(diff, unit)}` : ''}；两者是同一数据`,
      });
      continue;
    }
    if (region !== TOTAL_REGION) continue;
    const [filled, empty, value] = typeof va === 'number' ? [a, b, va] : typeof vb === 'number' ? [b, a, vb] : [];
    if (!filled || !empty || value === undefined) continue;
    list.add('same-as-blank', empty, cell(empty, region), {
      values: values(empty, null, filled, value),
      keySuffix: twinSuffix(filled),
      message: `全市未填；${name(filled)}的全市数为 ${amountText(value, unit)}，两者是同一数据`,
      fix: {
        value,
        label: `照填 ${amountText(value, unit)}`,
        detail: `照填自${name(filled)}（${filled.key}）`,
      },
    });
  }
}
