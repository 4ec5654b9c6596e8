import { listJoin } from '../domain/phrases';
import { formatFixed } from '../domain/rounding';
import { formatPlain } from '../domain/format';
import type { Period } from '../domain/periods';
import { RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import type { ParagraphBlock } from './model';
import { calcRef } from './phrasing';
import { RunBuilder } from './runs';
import { districtRows, verdictOf, type Verdict } from './verdicts';
import { isPriceIndicator, previousPeriodWord, spanLabel, subjectOf, targetLabel, valueUnit } from './wording';

/**
 * 分区县情况 of one indicator: who leads (with values, ties with their value), which districts miss their own
 * 分解目标, fall behind 序时进度 or below the node (with their figures), who moved in rank since the last
 * period, and who has not reported. Districts are listed in official order, leaders in rank order.
 */

interface Shown {
  value: number;
  decimals: number;
  unit: string;
  ref: string;
}

/** The figure a district is ranked on, as printed. */
export function rankedFigure(res: IndicatorResult, row: RegionResult): Shown | null {
  if (res.rankBy === 'completion' && row.completion?.ok)
    return {
      value: row.completion.rate,
      decimals: RATE_DECIMALS,
      unit: '%',
      ref: calcRef(res, 'completion', row.region),
    };
  if (res.rankBy === 'growth' && res.indicator.kind !== 'growth' && row.yoy.ok)
    return {
      value: row.yoy.value,
      decimals: RATE_DECIMALS,
      unit: row.yoy.mode === 'pp' ? '个百分点' : '%',
      ref: calcRef(res, 'yoy', row.region),
    };
  if (typeof row.value === 'number')
    return { value: row.value, decimals: res.decimals, unit: valueUnit(res.indicator), ref: row.ref };
  return null;
}

/** "完成率", "进度", "增速" or "" after the indicator's name in the lead. */
function basisWord(res: IndicatorResult): string {
  if (res.rankBy === 'completion') return '完成率';
  if (res.rankBy === 'growth' || res.indicator.kind === 'growth')
    return isPriceIndicator(res.indicator) ? '涨幅' : '增速';
  return '';
}

/** The indicator as the district paragraph names it: "规上工业增加值增速", "高耗低效整治企业数完成率". */
export function districtSubject(res: IndicatorResult): string {
  const ind = res.indicator;
  return `${ind.kind === 'growth' ? subjectOf(ind.name) : ind.name}${basisWord(res)}`;
}

function appendShown(b: RunBuilder, s: Shown): void {
  b.amount(s.value, s.decimals, s.unit, s.ref);
}

/** Leaders: "南太湖新区、南浔居前两位，分别为13.1%和9.1%", ties "德清、长兴均为8.4%，并列第3位". */
function appendLeaders(b: RunBuilder, res: IndicatorResult, ranked: RegionResult[]): void {
  const byRank = new Map<number, RegionResult[]>();
  for (const r of ranked) byRank.set(r.rank!, [...(byRank.get(r.rank!) ?? []), r]);
  const firsts = byRank.get(1) ?? [];
  const next = ranked.find((r) => (r.rank ?? 0) > 1);
  const mentioned = new Set<number>([1]);
  const show = (r: RegionResult) => {
    const s = rankedFigure(res, r);
    if (s) appendShown(b, s);
  };
  if (firsts.length > 1) {
    b.text(`${listJoin(firsts.map((r) => r.region))}均为`);
    show(firsts[0]!);
    b.text('，并列第1位');
  } else if (firsts[0] && next && (byRank.get(next.rank!)?.length ?? 0) === 1) {
    b.text(`${firsts[0].region}、${next.region}居前两位，分别为`);
    show(firsts[0]);
    b.text('和');
    show(next);
    mentioned.add(next.rank!);
  } else if (firsts[0]) {
    b.text(`${firsts[0].region}居第1位，为`);
    show(firsts[0]);
  }
  for (const [rank, members] of byRank) {
    if (members.length < 2 || mentioned.has(rank)) continue;
    b.text(`；${listJoin(members.map((m) => m.region))}均为`);
    show(members[0]!);
    b.text(`，并列第${rank}位`);
  }
}

/**
 * Districts missing their target: "长兴（7.2%，分解目标8.5%）、德清（7.6%，分解目标8%）低于年度分解目标"; totals at year
 * end by their completion "吴兴（完成率95.2%）未完成年度分解目标"; a rate held to the city's target
 * "吴兴（94.1%）低于年度目标（100%）".
 */
function appendTargetMisses(b: RunBuilder, res: IndicatorResult, rows: RegionResult[], verdicts: Map<string, Verdict>) {
  const missed = rows.filter((r) => {
    const v = verdicts.get(r.region);
    return v?.kind === 'target' && !v.met;
  });
  if (missed.length === 0) return;
  const unit = valueUnit(res.indicator);
  const totals = res.indicator.kind === 'level' || res.indicator.kind === 'count';
  const groups: [RegionResult[], 'completion' | 'own' | 'city'][] = [
    [missed.filter((r) => totals && r.completion?.ok), 'completion'],
    [missed.filter((r) => !(totals && r.completion?.ok) && r.ownTarget), 'own'],
    [missed.filter((r) => !(totals && r.completion?.ok) && !r.ownTarget), 'city'],
  ];
  for (const [group, how] of groups) {
    if (group.length === 0) continue;
    b.text('；');
    group.forEach((r, i) => {
      if (i > 0) b.text('、');
      if (how === 'completion') {
        b.text(`${r.region}（完成率`).amount(
          (r.completion as { rate: number }).rate,
          RATE_DECIMALS,
          '%',
          calcRef(res, 'completion', r.region),
        );
        b.text('）');
        return;
      }
      b.text(`${r.region}（`).amount(r.value as number, res.decimals, unit, r.ref);
      b.text(how === 'own' ? `，分解目标${targetLabel(r.target!, res.indicator)}）` : '）');
    });
    const lower = res.indicator.direction === 'lower';
    if (how === 'completion') b.text('未完成年度分解目标');
    else if (how === 'own') b.text(lower ? '未控制在年度分解目标以内' : '低于年度分解目标');
    else
      b.text(
        `${lower ? '未控制在' : '低于'}年度目标（${targetLabel(group[0]!.target!, res.indicator)}）${lower ? '以内' : ''}`,
      );
  }
}

/** "安吉（完成率68.2%）落后序时进度", or below the node "吴兴（72.9%）、德清（77.6%）低于三季度末节点目标（85%）". */
function appendBehind(b: RunBuilder, res: IndicatorResult, rows: RegionResult[], verdicts: Map<string, Verdict>) {
  const behind = rows.filter((r) => {
    const v = verdicts.get(r.region);
    return v?.kind === 'progress' && v.standing === 'behind';
  });
  if (behind.length) {
    b.text('；');
    behind.forEach((r, i) => {
      if (i > 0) b.text('、');
      b.text(`${r.region}（完成率`).amount(
        (r.completion as { rate: number }).rate,
        RATE_DECIMALS,
        '%',
        calcRef(res, 'completion', r.region),
      );
      b.text('）');
    });
    b.text(`落后序时进度（${formatFixed(behind[0]!.timeProgress!.percent, RATE_DECIMALS)}%）`);
  }
  const belowNode = rows.filter((r) => {
    const v = verdicts.get(r.region);
    return v?.kind === 'node' && !v.met;
  });
  if (belowNode.length) {
    const unit = valueUnit(res.indicator);
    const node = belowNode[0]!.node!;
    const sameNode = belowNode.every((r) => r.node?.due === node.due);
    b.text('；');
    belowNode.forEach((r, i) => {
      if (i > 0) b.text('、');
      b.text(`${r.region}（`).amount(r.value as number, res.decimals, unit, r.ref);
      b.text('）');
    });
    b.text(
      sameNode && node.exact
        ? `低于${node.name}节点目标（${formatPlain(node.due, res.decimals)}${unit}）`
        : sameNode
          ? `低于序时进度要求（${formatPlain(node.due, res.decimals)}${unit}）`
          : '低于各自的节点目标',
    );
  }
}

/** "南浔较上月前移2位，安吉后移1位": the largest moves up and down (at most two each). */
function appendRankMoves(b: RunBuilder, res: IndicatorResult, rows: RegionResult[]): void {
  if (!res.previousKey) return;
  const moved = rows.filter((r) => r.rankChange !== null && r.rankChange !== 0);
  if (moved.length === 0) return;
  const ups = moved.filter((r) => r.rankChange! > 0);
  const downs = moved.filter((r) => r.rankChange! < 0);
  // The largest move each way, districts in official order (rows come in that order).
  const pick = (list: RegionResult[]) => {
    const biggest = Math.max(0, ...list.map((r) => Math.abs(r.rankChange!)));
    return list.filter((r) => Math.abs(r.rankChange!) === biggest).slice(0, 2);
  };
  const parts: string[] = [];
  for (const r of pick(ups)) parts.push(`${r.region}前移${r.rankChange}位`);
  for (const r of pick(downs)) parts.push(`${r.region}后移${-r.rankChange!}位`);
  b.text(`；位次${previousPeriodWord(res.previousKey)}，${parts.join('，')}`);
}

/** Below 全市 for indicators without district targets or progress: "吴兴、德清低于全市平均水平". */
function appendBelowCity(b: RunBuilder, rows: RegionResult[], verdicts: Map<string, Verdict>): void {
  const judged = rows.some((r) => {
    const k = verdicts.get(r.region)?.kind;
    return k === 'target' || k === 'progress' || k === 'node';
  });
  if (judged) return;
  const below = rows.filter((r) => r.flags.some((f) => f.id === 'belowCity'));
  if (below.length === 0) return;
  const label = below[0]!.flags.find((f) => f.id === 'belowCity')!.label;
  b.text(`；${listJoin(below.map((r) => r.region))}${label}平均水平`);
}

/** The district paragraph of one indicator; null when no district has a ranked figure. */
export function districtParagraph(res: IndicatorResult, period: Period, lead = '分区县看，'): ParagraphBlock | null {
  const rows = districtRows(res);
  const ranked = rows.filter((r) => r.rank !== null).sort((a, b) => a.rank! - b.rank!);
  const missing = rows.filter((r) => r.value === null);
  if (ranked.length === 0 && missing.length === 0) return null;
  const verdicts = new Map(rows.map((r) => [r.region, verdictOf(res, r)]));
  const b = new RunBuilder().text(`${lead}${districtSubject(res)}`);
  if (ranked.length) {
    appendLeaders(b, res, ranked);
    appendTargetMisses(b, res, rows, verdicts);
    appendBehind(b, res, rows, verdicts);
    appendBelowCity(b, rows, verdicts);
    appendRankMoves(b, res, rows);
  }
  if (missing.length && ranked.length) {
    b.text(`；${listJoin(missing.map((r) => r.region))}${spanLabel(period)}数据未按时报送`);
  } else if (missing.length) {
    return new RunBuilder()
      .text(
        `${lead}${listJoin(missing.map((r) => r.region))}${districtSubject(res)}${spanLabel(period)}数据未按时报送。`,
      )
      .build(`district/${res.systemId}/${res.indicator.id}`);
  }
  b.text('。');
  return b.build(`district/${res.systemId}/${res.indicator.id}`);
}
