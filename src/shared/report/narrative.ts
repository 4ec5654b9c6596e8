import { listJoin, growthPhrase, ppChangePhrase, progressPhrase, versusPhrase } from '../domain/phrases';
import { differenceAtPrecision } from '../domain/rounding';
import { ytdLabel } from '../domain/period-labels';
import type { Period } from '../domain/periods';
import { completionWord, RATE_DECIMALS, type IndicatorResult, type RegionResult } from './compute';
import type { ParagraphBlock } from './model';
import { RunBuilder } from './runs';

/** "规上工业增加值增长" → "规上工业增加值": the subject a growth sentence talks about. */
export function subjectOf(name: string): string {
  return name.replace(/(同比)?(增长率|增长|增速|增幅)$/, '') || name;
}

function calcRef(res: IndicatorResult, what: string, region: string): string {
  return `calc:${what}:${res.periodKey}/${res.systemId}/${res.indicator.id}/${region}`;
}

/** Unit as written after a number: "%" and "‰" attach, words too ("亿元", "家"). */
function unitText(unit: string): string {
  return unit === '个百分点' ? '个百分点' : unit;
}

/** "1—9月" for year-to-date figures; the period title otherwise ("2023年第三季度"). */
function when(res: IndicatorResult, period: Period, title: string): string {
  return res.indicator.ytd && period.kind !== 'year' ? ytdLabel(period) : title.replace(/^\d{4}年/, '');
}

/** The overall sentence for 全市: value, 同比, province, target, completion and time progress. */
export function overallParagraph(res: IndicatorResult, period: Period, periodTitle: string): ParagraphBlock | null {
  const city = res.rows.find((r) => r.isTotal);
  if (!city || typeof city.value !== 'number') return null;
  const ind = res.indicator;
  const b = new RunBuilder();
  b.text(`${when(res, period, periodTitle)}，全市`);
  if (ind.kind === 'growth') {
    b.text(`${subjectOf(ind.name)}同比`).phrase(
      growthPhrase(city.value, res.decimals),
      city.value,
      res.decimals,
      city.ref,
    );
    if (city.yoy.ok)
      b.text('，增速比上年同期').phrase(
        ppChangePhrase(city.yoy.value, RATE_DECIMALS).replace('下降', '回落'),
        city.yoy.value,
        RATE_DECIMALS,
        calcRef(res, 'yoy', city.region),
      );
  } else {
    const verb = ind.ytd && (ind.kind === 'level' || ind.kind === 'count') ? '累计' : '为';
    b.text(`${ind.name}${verb}`).number(city.value, res.decimals, city.ref).text(unitText(ind.unit));
    if (city.yoy.ok) {
      const phrase =
        city.yoy.mode === 'pp'
          ? ppChangePhrase(city.yoy.value, RATE_DECIMALS)
          : growthPhrase(city.yoy.value, RATE_DECIMALS);
      b.text(city.yoy.mode === 'pp' ? '，比上年同期' : '，同比').phrase(
        phrase,
        city.yoy.value,
        RATE_DECIMALS,
        calcRef(res, 'yoy', city.region),
      );
    }
  }
  if (typeof res.province === 'number' && (ind.kind === 'growth' || ind.kind === 'share')) {
    const diff = differenceAtPrecision(city.value, res.province, res.decimals);
    b.text('，').phrase(
      versusPhrase(diff, res.decimals, '全省平均'),
      diff,
      res.decimals,
      `fig:${res.periodKey}/${res.systemId}/${ind.id}/全省`,
    );
  }
  if (city.completion?.ok) {
    const label = completionWord(res) === '进度' ? '完成进度目标的' : '完成年度目标的';
    b.text(`，${label}`)
      .number(city.completion.rate, RATE_DECIMALS, calcRef(res, 'completion', city.region))
      .text('%');
    if (city.aheadPp !== null)
      b.text('，').phrase(
        progressPhrase(city.aheadPp, RATE_DECIMALS),
        city.aheadPp,
        RATE_DECIMALS,
        calcRef(res, 'ahead', city.region),
      );
  } else if (city.targetEval && city.target !== null) {
    appendTarget(b, res, city);
  }
  b.text('。');
  return b.build(`overall/${res.systemId}/${ind.id}`);
}

function appendTarget(b: RunBuilder, res: IndicatorResult, city: RegionResult): void {
  const ev = city.targetEval;
  if (!ev || typeof city.value !== 'number') return;
  if (typeof city.target === 'number' && (res.indicator.kind === 'growth' || res.indicator.kind === 'share')) {
    const diff = differenceAtPrecision(city.value, city.target, res.decimals);
    b.text('，').phrase(
      versusPhrase(diff, res.decimals, '年度目标'),
      diff,
      res.decimals,
      calcRef(res, 'gap', city.region),
    );
    return;
  }
  if (ev.status === 'met') b.text(`，达到年度目标（${String(city.target)}）`);
  else if (ev.status === 'notMet') b.text(`，未达到年度目标（${String(city.target)}）`);
}

interface Ranked {
  row: RegionResult;
  rank: number;
}

function shown(
  res: IndicatorResult,
  row: RegionResult,
): { value: number; decimals: number; unit: string; ref: string } | null {
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
    return { value: row.value, decimals: res.decimals, unit: unitText(res.indicator.unit), ref: row.ref };
  return null;
}

function basisWord(res: IndicatorResult): string {
  if (res.rankBy === 'completion') return completionWord(res);
  if (res.rankBy === 'growth' || res.indicator.kind === 'growth') return '增速';
  return '';
}

/** The district sentence: who leads (前两位, 并列), who lags (below 全市, behind time progress), who is missing. */
export function districtParagraph(res: IndicatorResult): ParagraphBlock | null {
  const districts = res.rows.filter((r) => !r.isTotal);
  const ranked: Ranked[] = districts
    .filter((r) => r.rank !== null)
    .map((row) => ({ row, rank: row.rank as number }))
    .sort((a, b) => a.rank - b.rank);
  if (ranked.length === 0) return null;
  const ind = res.indicator;
  const b = new RunBuilder();
  const subject = `${ind.kind === 'growth' ? subjectOf(ind.name) : ind.name}${basisWord(res)}`;
  b.text(`分区县看，${subject}`);
  const groups = new Map<number, Ranked[]>();
  for (const r of ranked) groups.set(r.rank, [...(groups.get(r.rank) ?? []), r]);
  const first = groups.get(1) ?? [];
  const second = ranked.find((r) => r.rank > 1);
  const mentioned = new Set<number>();
  const values = (rs: Ranked[], joiner: string) => {
    rs.forEach((r, i) => {
      const s = shown(res, r.row);
      if (!s) return;
      if (i > 0) b.text(joiner);
      b.number(s.value, s.decimals, s.ref).text(s.unit);
    });
  };
  if (first.length > 1) {
    b.text(`${listJoin(first.map((r) => r.row.region))}并列第1位，均为`);
    values(first.slice(0, 1), '');
    mentioned.add(1);
  } else if (first[0] && second && (groups.get(second.rank)?.length ?? 0) === 1) {
    b.text(`${first[0].row.region}、${second.row.region}居前两位，分别为`);
    values([first[0], second], '和');
    mentioned.add(1).add(second.rank);
  } else if (first[0]) {
    b.text(`${first[0].row.region}居第1位，为`);
    values([first[0]], '');
    mentioned.add(1);
  }
  for (const [rank, members] of groups) {
    if (members.length > 1 && !mentioned.has(rank))
      b.text(`；${listJoin(members.map((m) => m.row.region))}并列第${rank}位`);
  }
  const byFlag = (id: string) => districts.filter((r) => r.flags.some((f) => f.id === id));
  const below = byFlag('belowCity');
  if (below.length)
    b.text(
      `；${listJoin(below.map((r) => r.region))}${below[0]?.flags.find((f) => f.id === 'belowCity')?.label ?? '低于全市'}平均水平`,
    );
  const behind = byFlag('behindProgress');
  if (behind.length) b.text(`；${listJoin(behind.map((r) => r.region))}落后序时进度`);
  const missing = districts.filter((r) => r.value === null);
  if (missing.length) b.text(`；${listJoin(missing.map((r) => r.region))}尚未报送`);
  b.text('。');
  return b.build(`district/${res.systemId}/${ind.id}`);
}

/** "1—9月，全市纳入监测的N项主要指标中，…" — how many key indicators are on track, from the 全市 flags. */
export function summaryParagraph(results: IndicatorResult[], period: Period): ParagraphBlock {
  const cities = results
    .map((res) => ({ res, city: res.rows.find((x) => x.isTotal) }))
    .filter((x) => x.city && typeof x.city.value === 'number');
  const lagging = cities.filter(({ city }) =>
    city?.flags.some((f) => f.id === 'behindProgress' || f.id === 'belowTarget'),
  );
  const missing = results.length - cities.length;
  const b = new RunBuilder().text(`${ytdLabel(period)}，全市纳入监测的${results.length}项主要指标`);
  if (lagging.length === 0)
    b.text(
      missing
        ? `中，已报送的${cities.length}项均达到序时进度或年度目标要求`
        : '总体运行平稳，均达到序时进度或年度目标要求',
    );
  else
    b.text(
      `中，${cities.length - lagging.length}项达到序时进度或年度目标要求，${listJoin(lagging.map(({ res }) => res.indicator.name))}${lagging.length}项落后序时进度或未达年度目标`,
    );
  if (missing) b.text(`，${missing}项尚无全市数据`);
  return b.text('。').build('summary');
}

/** 存在问题, drafted from the flags; the clerk edits it before issuing. */
export function problemParagraphs(results: IndicatorResult[]): ParagraphBlock[] {
  const lagging = results.filter((r) =>
    r.rows.find((x) => x.isTotal)?.flags.some((f) => f.id === 'behindProgress' || f.id === 'belowTarget'),
  );
  const weakRegions = new Map<string, number>();
  for (const res of results)
    for (const row of res.rows)
      if (!row.isTotal && row.flags.some((f) => f.id === 'behindProgress' || f.id === 'belowCity'))
        weakRegions.set(row.region, (weakRegions.get(row.region) ?? 0) + 1);
  const repeated = [...weakRegions]
    .filter(([, n]) => n >= 2)
    .sort((a, b) => b[1] - a[1])
    .map(([r]) => r);
  const out: ParagraphBlock[] = [];
  out.push(
    new RunBuilder()
      .text(
        lagging.length
          ? `一是部分指标进度滞后。${listJoin(lagging.map((r) => r.indicator.name))}落后序时进度或未达年度目标，需加快推进。`
          : '一是主要指标总体符合序时进度，但部分区县之间仍有差距。',
      )
      .build('problems/1'),
  );
  out.push(
    new RunBuilder()
      .text(
        repeated.length
          ? `二是区县之间发展不平衡。${listJoin(repeated)}在两项及以上主要指标上低于全市或落后序时进度。`
          : '二是区县之间发展总体均衡，未出现多项指标同时落后的区县。',
      )
      .build('problems/2'),
  );
  const missing = new Set(
    results.flatMap((r) => r.rows.filter((x) => !x.isTotal && x.value === null).map((x) => x.region)),
  );
  if (missing.size)
    out.push(
      new RunBuilder().text(`三是数据报送不够及时。${listJoin([...missing])}部分指标尚未报送。`).build('problems/3'),
    );
  return out;
}

/** 下步工作, drafted from what lags; the clerk edits it before issuing. */
export function nextStepParagraphs(results: IndicatorResult[], nextPeriodLabel: string): ParagraphBlock[] {
  const lagging = results.filter((r) =>
    r.rows.find((x) => x.isTotal)?.flags.some((f) => f.id === 'behindProgress' || f.id === 'belowTarget'),
  );
  const regions = new Set(
    results.flatMap((r) =>
      r.rows.filter((x) => !x.isTotal && x.flags.some((f) => f.id === 'behindProgress')).map((x) => x.region),
    ),
  );
  return [
    new RunBuilder()
      .text(
        lagging.length || regions.size
          ? `一是紧盯落后指标。对${lagging.length ? listJoin(lagging.map((r) => r.indicator.name)) : '落后序时进度的指标'}，督促${regions.size ? listJoin([...regions]) : '相关区县'}查找原因、补齐短板，确保完成年度目标任务。`
          : '一是巩固良好态势。督促各区县保持工作力度，确保全面完成年度目标任务。',
      )
      .build('next/1'),
    new RunBuilder()
      .text(`二是抓好数据报送。及时做好${nextPeriodLabel}数据填报、审核和亮晒工作，确保数据准确、报送及时。`)
      .build('next/2'),
  ];
}
