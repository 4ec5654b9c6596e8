import { listJoin } from '../domain/phrases';
import type { Period } from '../domain/periods';
import { endMonth } from '../domain/periods';
import { RATE_DECIMALS, type IndicatorResult } from './compute';
import { chineseOrdinal } from './kinds';
import type { ParagraphBlock } from './model';
import { districtSubject } from './narrative-districts';
import { shortName } from './narrative-overall';
import { appendNode, appendProgress, appendTargetJudgement, calcRef } from './phrasing';
import { RunBuilder } from './runs';
import {
  anythingJudged,
  belowCityDistricts,
  cityShortfalls,
  leadingDistricts,
  missingFigures,
  weakestDistricts,
  type Shortfall,
} from './shortfalls';
import { isYearEnd, nextReportLabel, spanLabel, subjectOf, valueUnit } from './wording';

/**
 * 存在问题, 下步工作, a 通报's 表扬/督促 and 下步要求, a report's 下步预判: drafted from the shortfalls, each point
 * about a different thing (全市's lagging indicators; the one or two weakest districts; missing figures), numbered
 * 一是、二是… over the points that have something to say.
 */

function numbered(points: { id: string; build: (b: RunBuilder) => void }[], prefix: string): ParagraphBlock[] {
  return points.map((p, i) => {
    const b = new RunBuilder().text(`${chineseOrdinal(i + 1)}是`);
    p.build(b);
    return b.build(`${prefix}/${i + 1}`);
  });
}

/** "制造业投资增速低于年度目标（12%）0.5个百分点", "高耗低效整治企业数落后序时进度2.1个百分点". */
function appendShortfall(b: RunBuilder, s: Shortfall): void {
  switch (s.verdict.kind) {
    case 'target':
      b.text(shortName(s.res));
      appendTargetJudgement(b, s.res, s.row, false);
      return;
    case 'progress':
      b.text(`${s.res.indicator.name}完成率`).amount(
        (s.row.completion as { rate: number }).rate,
        RATE_DECIMALS,
        '%',
        calcRef(s.res, 'completion', s.row.region),
      );
      b.text('，');
      appendProgress(b, s.res, s.row);
      return;
    case 'node':
      b.text(s.res.indicator.name);
      appendNode(b, s.res, s.row);
      return;
  }
}

/** How a district falls short, in words: the kind of shortfall, the direction, whose target. */
function shortfallWords(s: Shortfall): string {
  const lower = s.res.indicator.direction === 'lower';
  switch (s.verdict.kind) {
    case 'target': {
      const totals = s.res.indicator.kind === 'level' || s.res.indicator.kind === 'count';
      const whose = s.row.ownTarget ? '年度分解目标' : '年度目标';
      if (totals && s.row.completion?.ok) return `未完成${whose}`;
      return lower ? `未控制在${whose}以内` : `低于${whose}`;
    }
    case 'progress':
      return '落后序时进度';
    case 'node':
      return '低于节点目标';
  }
}

/** "高耗低效整治企业数、高耗低效整治腾出用地面积落后序时进度，制造业投资增速低于年度分解目标". */
function shortfallParts(shortfalls: Shortfall[]): string {
  const words = [...new Set(shortfalls.map(shortfallWords))];
  return words
    .map((w) => `${listJoin(shortfalls.filter((s) => shortfallWords(s) === w).map((s) => shortName(s.res)))}${w}`)
    .join('，');
}

/**
 * "安吉2项指标未达要求：…；德清…", districts falling short alike told once ("吴兴、德清各有7项指标未达要求：…").
 */
function districtsShortfallText(districts: { region: string; shortfalls: Shortfall[] }[]): string {
  const groups: { regions: string[]; count: number; parts: string }[] = [];
  for (const d of districts) {
    const parts = shortfallParts(d.shortfalls);
    const same = groups.find((g) => g.parts === parts && g.count === d.shortfalls.length);
    if (same) same.regions.push(d.region);
    else groups.push({ regions: [d.region], count: d.shortfalls.length, parts });
  }
  return groups
    .map((g) => {
      const who = listJoin(g.regions);
      if (g.count === 1) return `${who}${g.parts}`;
      return `${who}${g.regions.length > 1 ? '各有' : ''}${g.count}项指标未达要求：${g.parts}`;
    })
    .join('；');
}

/** "安吉制造业投资、数字经济核心产业制造业增加值1—9月数据未按时报送". */
function missingText(results: readonly IndicatorResult[], regions: readonly string[], period: Period): string | null {
  const missing = missingFigures(results, regions);
  if (missing.length === 0) return null;
  return missing
    .map((m) => `${m.region}${listJoin(m.indicators.map((r) => subjectOf(r.indicator.name)))}`)
    .join('，')
    .concat(`${spanLabel(period)}数据未按时报送`);
}

/** At most three names, then "等N项" for the whole list. */
function namesCapped(names: string[]): string[] {
  return names.length <= 3 ? names : [...names.slice(0, 2), `${names[2]}等${names.length}项指标`];
}

/** "南湖、平湖分别有4项、6项主要指标不及全市平均水平". */
function catchUpText(behindCity: { region: string; indicators: IndicatorResult[] }[]): string {
  const counts = behindCity.map((d) => `${d.indicators.length}项`);
  const how =
    behindCity.length === 1
      ? `有${counts[0]}`
      : counts.every((c) => c === counts[0])
        ? `各有${counts[0]}`
        : `分别有${listJoin(counts)}`;
  return `${listJoin(behindCity.map((d) => d.region))}${how}主要指标不及全市平均水平`;
}

/** 存在问题 of a 简报. */
export function problemParagraphs(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  period: Period,
): ParagraphBlock[] {
  const city = cityShortfalls(results);
  const weak = weakestDistricts(results, regions);
  const missing = missingText(results, regions, period);
  const points: { id: string; build: (b: RunBuilder) => void }[] = [];
  if (city.length)
    points.push({
      id: 'city',
      build: (b) => {
        b.text('部分指标未达要求。');
        city.forEach((s, i) => {
          if (i > 0) b.text('；');
          appendShortfall(b, s);
        });
        b.text('。');
      },
    });
  if (weak.length)
    points.push({
      id: 'districts',
      build: (b) => b.text(`${weak.length === 1 ? '个别' : '部分'}区县推进滞后。${districtsShortfallText(weak)}。`),
    });
  const behindCity = belowCityDistricts(results, regions);
  if (behindCity.length)
    points.push({
      id: 'below-city',
      build: (b) => b.text(`${behindCity.length === 1 ? '个别' : '部分'}区县相对落后。${catchUpText(behindCity)}。`),
    });
  if (missing) points.push({ id: 'missing', build: (b) => b.text(`数据报送不够及时。${missing}。`) });
  if (points.length === 0) {
    const judged = anythingJudged(results);
    return [
      new RunBuilder()
        .text(
          judged
            ? '本期全市和各区县已作判断的主要指标均达到要求，数据均已按时报送。'
            : '本期主要指标暂无可比较的目标，未作进度判断；数据均已按时报送。',
        )
        .build('problems/1'),
    ];
  }
  return numbered(points, 'problems');
}

/** 下步工作 of a 简报. */
export function nextStepParagraphs(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  period: Period,
): ParagraphBlock[] {
  const city = cityShortfalls(results);
  const weak = weakestDistricts(results, regions);
  const missing = missingFigures(results, regions);
  const yearEnd = isYearEnd(period);
  // 全市's lagging indicators by name; the districts behind by name — never the two mixed into one count.
  const lagging = namesCapped(city.map((s) => shortName(s.res)));
  const weakNames = listJoin(weak.map((d) => d.region));
  const behindCity = belowCityDistricts(results, regions);
  const judged = anythingJudged(results);
  const points: { id: string; build: (b: RunBuilder) => void }[] = [];
  if (yearEnd)
    points.push({
      id: 'year',
      build: (b) =>
        b.text(
          `认真总结${period.year}年工作。${lagging.length ? `深入分析${listJoin(lagging)}未达要求的原因，` : '巩固全年工作成效，'}${weak.length ? `督促${weakNames}找准差距，` : ''}谋划${period.year + 1}年目标任务和工作举措。`,
        ),
    });
  else
    points.push({
      id: 'lagging',
      build: (b) =>
        b.text(
          lagging.length || weak.length
            ? `紧盯落后指标。${lagging.length ? `围绕${listJoin(lagging)}，` : ''}督促${weak.length ? weakNames : '相关区县'}查找原因、补齐短板，确保完成年度目标任务。`
            : behindCity.length
              ? `推动区县追赶。督促${listJoin(behindCity.map((d) => d.region))}对照全市平均水平找准差距、加快追赶${judged ? '，确保完成年度目标任务' : ''}。`
              : judged
                ? '巩固向好态势。督促各区县保持工作力度，推动主要指标持续向好，确保完成年度目标任务。'
                : '加强运行监测。督促各区县保持工作力度，跟踪分析主要指标走势，及时研判、落实措施。',
        ),
    });
  points.push({
    id: 'data',
    build: (b) =>
      b.text(
        `抓好数据报送。及时做好${nextReportLabel(period)}数据填报、审核和亮晒工作${missing.length ? `，督促${listJoin(missing.map((m) => m.region))}按时报送` : ''}，确保数据准确、报送及时。`,
      ),
  });
  return numbered(points, 'next');
}

/** 表扬 and 督促 of a 通报, by name, from the same shortfalls. */
export function praiseParagraphs(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  period: Period,
): ParagraphBlock[] {
  const weak = weakestDistricts(results, regions);
  const behindCity = belowCityDistricts(results, regions);
  const urgedToCatchUp = new Set(behindCity.map((d) => d.region));
  const leaders = leadingDistricts(results, regions).filter((d) => !urgedToCatchUp.has(d.region));
  const missing = missingFigures(results, regions);
  const out: ParagraphBlock[] = [];
  if (leaders.length) {
    const counts = leaders.map((d) => `${d.tops.length}项`);
    const same = counts.every((c) => c === counts[0]);
    out.push(
      new RunBuilder()
        .text(
          `${listJoin(leaders.map((d) => d.region))}无落后指标，且${leaders.length > 1 ? (same ? `各有${counts[0]}` : `分别有${listJoin(counts)}`) : `有${counts[0]}`}主要指标位居各区县前两位，予以通报表扬。`,
        )
        .build('praise/ahead'),
    );
  }
  if (weak.length) {
    const names = listJoin(weak.map((d) => d.region));
    out.push(
      new RunBuilder()
        .text(
          `${districtsShortfallText(weak)}。请${names}对照${isYearEnd(period) ? '年度目标认真查找差距，分析原因，提出改进措施' : '年度目标查找差距、落实措施，加快推进'}。`,
        )
        .build('praise/urge'),
    );
  }
  if (behindCity.length) {
    const names = listJoin(behindCity.map((d) => d.region));
    out.push(
      new RunBuilder()
        .text(
          `${catchUpText(behindCity)}，请${names}对照全市平均水平${isYearEnd(period) ? '认真查找差距，分析原因，提出改进措施' : '找准差距、加快追赶'}。`,
        )
        .build('praise/catch-up'),
    );
  }
  if (missing.length) {
    out.push(
      new RunBuilder()
        .text(`${missingText(results, regions, period)}，请${listJoin(missing.map((m) => m.region))}及时补报。`)
        .build('praise/late'),
    );
  }
  return out;
}

/**
 * 下步要求 of a 通报. Targets and time progress are named only when some figure was judged against them; a plan
 * without targets for the year asks the districts to measure themselves against 全市 and the leaders instead.
 */
export function requirementParagraphs(results: readonly IndicatorResult[], period: Period): ParagraphBlock[] {
  const yearEnd = isYearEnd(period);
  const judged = anythingJudged(results);
  return numbered(
    [
      {
        id: 'targets',
        build: (b) =>
          b.text(
            !judged
              ? '对标找差。各区县要对照全市平均水平和先进区县，逐项梳理差距较大的指标，明确责任、落实措施，推动主要指标争先进位。'
              : yearEnd
                ? `认真总结。各区县要全面总结${period.year}年目标任务完成情况，对未完成的指标深入分析原因，谋划${period.year + 1}年工作。`
                : '对标对表。各区县要对照年度目标任务和序时进度，逐项梳理落后指标，明确责任、落实措施，确保完成年度目标任务。',
          ),
      },
      {
        id: 'data',
        build: (b) => b.text(`按时报送。各区县要按时报送${nextReportLabel(period)}数据，确保数据真实、准确、完整。`),
      },
    ],
    'requirements',
  );
}

/**
 * 下步预判 of a 运行分析报告: for each lagging total, the pace the rest of the year needs ("后3个月需完成186家，
 * 月均62家"), computed, never guessed; then the suggestions the clerk completes.
 */
export function outlookParagraphs(
  results: readonly IndicatorResult[],
  regions: readonly string[],
  period: Period,
): ParagraphBlock[] {
  const month = endMonth(period);
  const out: ParagraphBlock[] = [];
  if (!isYearEnd(period)) {
    for (const s of cityShortfalls(results)) {
      const row = s.row;
      if (s.verdict.kind !== 'progress' || typeof row.value !== 'number' || typeof row.target !== 'number') continue;
      const left = 12 - month;
      const remaining = row.target - row.value;
      if (remaining <= 0 || left <= 0) continue;
      const unit = valueUnit(s.res.indicator);
      const b = new RunBuilder().text(`按年度目标测算，${s.res.indicator.name}后${left}个月需完成`);
      b.amount(remaining, s.res.decimals, unit, calcRef(s.res, 'remaining', row.region));
      b.text('，月均').amount(remaining / left, s.res.decimals, unit, calcRef(s.res, 'pace', row.region));
      b.text('，高于').text(`${spanLabel(period)}月均水平（`);
      b.amount(row.value / month, s.res.decimals, unit, calcRef(s.res, 'average', row.region)).text('），需加快进度。');
      if (remaining / left > row.value / month) out.push(b.build(`outlook/${s.res.systemId}/${s.res.indicator.id}`));
    }
  }
  const lagging = cityShortfalls(results).map((s) => districtSubject(s.res));
  const weak = weakestDistricts(results, regions).map((d) => d.region);
  const districts = weak.length ? `，督促${listJoin(weak)}对照分解目标加快进度` : '';
  out.push(
    new RunBuilder()
      .text(
        isYearEnd(period)
          ? `建议围绕${period.year + 1}年目标任务，提前谋划重点指标和重大项目，做好一季度开门红各项准备。`
          : lagging.length
            ? `建议聚焦${listJoin(lagging)}等薄弱环节，加强调度，逐月跟踪${districts}，确保完成年度目标任务。`
            : `建议保持工作力度，加强运行监测和分析${districts}，推动主要指标持续向好。`,
      )
      .build('outlook/advice'),
  );
  return out;
}
