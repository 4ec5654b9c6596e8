import { listJoin } from '../domain/phrases';
import type { Period } from '../domain/periods';
import type { IndicatorResult } from './compute';
import type { ParagraphBlock } from './model';
import { appendFigure, appendVersus, appendVerdict, appendYearOnYear, calcRef } from './phrasing';
import { RunBuilder } from './runs';
import { cityRow, verdictOf, type Verdict } from './verdicts';
import { isPriceIndicator, spanLabel, subjectOf } from './wording';

/** An indicator as a list names it: growth rates by their subject and 增速 ("制造业投资增速"). */
export function shortName(res: IndicatorResult): string {
  if (res.indicator.kind !== 'growth') return res.indicator.name;
  return `${subjectOf(res.indicator.name)}${isPriceIndicator(res.indicator) ? '涨幅' : '增速'}`;
}

/**
 * 总体情况: a summary whose counts equal the detail it lists, then the 全市 figures grouped into a few paragraphs
 * (增长速度 / 任务进度 / 质量效益) rather than one paragraph per indicator all opening "1—9月，全市…".
 */

type Standing =
  | 'targetMet'
  | 'ahead'
  | 'level'
  | 'nodeMet'
  | 'targetMissed'
  | 'behind'
  | 'nodeMissed'
  | 'noTarget'
  | 'pending'
  | 'notYet'
  | 'noFigure'
  | 'notApplicable';

function standingOf(v: Verdict): Standing {
  switch (v.kind) {
    case 'target':
      return v.met ? 'targetMet' : 'targetMissed';
    case 'progress':
      return v.standing;
    case 'node':
      return v.met ? 'nodeMet' : 'nodeMissed';
    case 'noTarget':
    case 'pending':
    case 'notYet':
    case 'noFigure':
    case 'notApplicable':
      return v.kind;
  }
}

const ON_TRACK: readonly Standing[] = ['targetMet', 'ahead', 'level', 'nodeMet'];
const LAGGING: readonly Standing[] = ['targetMissed', 'behind', 'nodeMissed'];
const NOT_JUDGED: readonly Standing[] = ['noTarget', 'pending', 'notYet', 'notApplicable'];

/** What each group of indicators is said to be, in the detail after "其中，". */
function standingWords(s: Standing, year: number): string {
  switch (s) {
    case 'targetMet':
      return '达到年度目标要求';
    case 'ahead':
      return '超序时进度';
    case 'level':
      return '与序时进度持平';
    case 'nodeMet':
      return '达到节点目标';
    case 'targetMissed':
      return '未达到年度目标要求';
    case 'behind':
      return '落后序时进度';
    case 'nodeMissed':
      return '低于节点目标';
    case 'noTarget':
      return `未设定${year}年目标，不作判断`;
    case 'pending':
      return '目标暂不能按数值判断，待人工核定';
    case 'notYet':
      return '按全年考核，本期不作判断';
    case 'noFigure':
      return '尚无全市数据';
    case 'notApplicable':
      return '对全市不适用';
  }
}

const DETAIL_ORDER: readonly Standing[] = [
  'targetMet',
  'ahead',
  'level',
  'nodeMet',
  'targetMissed',
  'behind',
  'nodeMissed',
  'notYet',
  'noTarget',
  'pending',
  'notApplicable',
  'noFigure',
];

/** The 全市 standing of each key indicator, in the order of the key indicators. */
export function cityStandings(results: readonly IndicatorResult[]): { res: IndicatorResult; standing: Standing }[] {
  return results.flatMap((res) => {
    const city = cityRow(res);
    return city ? [{ res, standing: standingOf(verdictOf(res, city)) }] : [];
  });
}

export function isLaggingStanding(s: Standing): boolean {
  return LAGGING.includes(s);
}

/**
 * "1—9月，纳入监测的6项主要指标中，5项达到要求，1项暂不作判断。其中，…": the counts, then each group named with
 * its count, so the summary and the detail cannot disagree.
 */
export function summaryParagraph(results: readonly IndicatorResult[], period: Period): ParagraphBlock {
  const b = new RunBuilder();
  const span = spanLabel(period);
  const standings = cityStandings(results);
  const n = standings.length;
  if (n === 0) return b.text(`${span}，本期没有需要报送的主要指标。`).build('summary');
  const count = (set: readonly Standing[]) => standings.filter((s) => set.includes(s.standing)).length;
  const classes: [number, string][] = [
    [count(ON_TRACK), '达到要求'],
    [count(LAGGING), '未达要求'],
    [count(NOT_JUDGED), '暂不作判断'],
    [count(['noFigure']), '尚无全市数据'],
  ];
  const present = classes.filter(([k]) => k > 0);
  const only = DETAIL_ORDER.find((s) => standings.length > 1 && standings.every((x) => x.standing === s));
  if (only) return b.text(`${span}，纳入监测的${n}项主要指标均${standingWords(only, period.year)}。`).build('summary');
  b.text(`${span}，纳入监测的${n}项主要指标`);
  if (present.length === 1 && n > 1) b.text(`均${present[0]![1]}`);
  else b.text(`中，${present.map(([k, words]) => `${k}项${words}`).join('，')}`);
  const groups = DETAIL_ORDER.flatMap((s) => {
    const names = standings.filter((x) => x.standing === s).map((x) => shortName(x.res));
    return names.length ? [`${listJoin(names)}${countAfter(names)}${standingWords(s, period.year)}`] : [];
  });
  const detailNeeded = !(present.length === 1 && present[0]![1] === '尚无全市数据');
  b.text(detailNeeded ? `。其中，${groups.join('；')}。` : '。');
  return b.build('summary');
}

/** "3项" after a list of names; "共3项" when the last name ends in a digit (never "亩均税收62项"). */
function countAfter(names: readonly string[]): string {
  if (names.length < 2) return '';
  return /\d$/.test(names[names.length - 1] ?? '') ? `共${names.length}项` : `${names.length}项`;
}

/** Which paragraph of 总体情况 an indicator's 全市 sentence goes into. */
type Group = 'speed' | 'progress' | 'quality';

function groupOf(res: IndicatorResult): Group {
  const city = cityRow(res);
  if (res.indicator.kind === 'growth') return 'speed';
  if (city?.completion?.ok || city?.node) return 'progress';
  return 'quality';
}

const GROUP_LEAD: Record<Group, string> = {
  speed: '增长速度方面，',
  progress: '任务进度方面，',
  quality: '质量效益方面，',
};

const PER_PARAGRAPH = 4;

/** One indicator's 全市 clause: figure, 同比, against the province, the verdict. */
export function appendCityClause(b: RunBuilder, res: IndicatorResult, first: boolean): void {
  const city = cityRow(res);
  if (!city || typeof city.value !== 'number') return;
  appendFigure(b, res, city, first || res.indicator.kind !== 'growth');
  appendYearOnYear(b, res, city, res.indicator.kind === 'growth');
  if (typeof res.province === 'number' && (res.indicator.kind === 'growth' || res.indicator.kind === 'share')) {
    b.text('，');
    appendVersus(b, res, city.value, res.province, '全省平均', calcRef(res, 'province', city.region));
  }
  appendVerdict(b, res, city, verdictOf(res, city));
}

/**
 * The 全市 paragraphs: the first opens with the period ("1—9月，全市…"), the others with their group
 * ("任务进度方面，全市…"); at most four indicators a paragraph. Indicators without a 全市 figure are left to the
 * summary, which names them.
 */
export function cityParagraphs(results: readonly IndicatorResult[], period: Period): ParagraphBlock[] {
  const withFigure = results.filter((r) => typeof cityRow(r)?.value === 'number');
  const order: Group[] = ['speed', 'progress', 'quality'];
  const out: ParagraphBlock[] = [];
  for (const group of order) {
    const members = withFigure.filter((r) => groupOf(r) === group);
    for (let at = 0; at < members.length; at += PER_PARAGRAPH) {
      const chunk = members.slice(at, at + PER_PARAGRAPH);
      const b = new RunBuilder();
      b.text(out.length === 0 ? `${spanLabel(period)}，全市` : at === 0 ? `${GROUP_LEAD[group]}全市` : '同时，全市');
      chunk.forEach((res, i) => {
        if (i > 0) b.text('；');
        appendCityClause(b, res, i === 0);
      });
      b.text('。');
      out.push(b.build(`overall/${group}/${at / PER_PARAGRAPH + 1}`));
    }
  }
  return out;
}
