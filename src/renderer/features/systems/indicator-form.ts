import { milestoneProblems } from '../../../shared/domain/progress';
import type { IndicatorPatch } from '../../../shared/schemas/indicator-patch';
import type {
  Direction,
  Frequency,
  Indicator,
  IndicatorKind,
  IndicatorSystem,
  Marker,
  Milestone,
  MilestonePeriod,
  RankBy,
  TargetValue,
} from '../../../shared/schemas/indicator-system';
import { milestoneOverridesOf, milestonesOf } from '../../../shared/systems/accessors';
import { targetFromText, targetText } from '../../../shared/systems/target-input';
import type { GridCell } from './target-grid';

/**
 * The edit dialog's form: the editable fields of an indicator as text the clerk types, converted back
 * to a patch holding only what changed. Targets are edited in a TargetDraft grid (years × 全市 and
 * districts) whose changed cells join the patch. Main validates the patched system again.
 */

export const MILESTONE_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'] as const;

export type MilestoneTexts = Record<MilestonePeriod, string>;

export interface IndicatorForm {
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  decimals: number;
  frequency: Frequency;
  ytd: boolean;
  rankBy: RankBy | '';
  category: string;
  parent: string;
  seq: string;
  markers: Marker[];
  cityIsSumOfRegions: boolean;
  /** 责任单位, separated by 、 */
  responsible: string;
  /** The year whose milestones the form edits. */
  milestoneYear: string;
  milestones: MilestoneTexts;
  /** Districts with milestones of their own in that year. */
  overrides: { region: string; milestones: MilestoneTexts }[];
  /** One note per line. */
  notes: string;
}

function emptyMilestones(): MilestoneTexts {
  return Object.fromEntries(MILESTONE_PERIODS.map((p) => [p, ''])) as MilestoneTexts;
}

function milestoneTexts(list: readonly Milestone[]): MilestoneTexts {
  const out = emptyMilestones();
  for (const m of list) out[m.period] = String(m.percent);
  return out;
}

export function toForm(ind: Indicator, milestoneYear: string): IndicatorForm {
  return {
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.direction,
    decimals: ind.decimals,
    frequency: ind.frequency,
    ytd: ind.ytd,
    rankBy: ind.rankBy ?? '',
    category: ind.category ?? '',
    parent: ind.parent ?? '',
    seq: ind.seq ?? '',
    markers: [...ind.markers],
    cityIsSumOfRegions: ind.cityIsSumOfRegions,
    responsible: ind.responsible.join('、'),
    milestoneYear,
    milestones: milestoneTexts(milestonesOf(ind, milestoneYear)),
    overrides: Object.entries(milestoneOverridesOf(ind, milestoneYear)).map(([region, list]) => ({
      region,
      milestones: milestoneTexts(list),
    })),
    notes: ind.notes.join('\n'),
  };
}

/**
 * A typed target: a plain number becomes a number, anything else stays verbatim text ("2个以上"); empty
 * means no target. When the text is what was stored, the stored value is kept as it was.
 */
export function targetValueOf(text: string, original?: TargetValue): TargetValue | null {
  if (original !== undefined && targetText(original) === text.trim()) return original;
  return targetFromText(text);
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/** Milestone percentages as typed; a Chinese problem for each that is not a number from 0 to 1000. */
export function typedMilestones(texts: MilestoneTexts, where = ''): { value: Milestone[]; problems: string[] } {
  const value: Milestone[] = [];
  const problems: string[] = [];
  for (const period of MILESTONE_PERIODS) {
    const t = texts[period].trim().replace(/[%％]$/, '');
    if (t === '') continue;
    const n = Number(t);
    if (!PLAIN_NUMBER.test(t) || n < 0 || n > 1000)
      problems.push(`${where}节点目标 ${period} 应为 0 到 1000 之间的百分数，现为“${texts[period]}”`);
    else value.push({ period, percent: n });
  }
  if (problems.length === 0) problems.push(...milestoneProblems(value).map((p) => `${where}${p}`));
  return { value, problems };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function inOrder(list: readonly Milestone[]): Milestone[] {
  return MILESTONE_PERIODS.flatMap((p) => list.filter((m) => m.period === p));
}

/** The changed cells of the target grid as whole per-year records of the patch. */
function targetPatch(original: Indicator, cells: readonly GridCell[], patch: IndicatorPatch): void {
  if (cells.length === 0) return;
  const targets: Record<string, TargetValue> = { ...original.targets };
  const regionTargets: Record<string, Record<string, TargetValue>> = Object.fromEntries(
    Object.entries(original.regionTargets).map(([y, r]) => [y, { ...r }]),
  );
  for (const { row, region, value } of cells) {
    if (region === '全市') {
      if (value === null) delete targets[row.year];
      else targets[row.year] = value;
    } else {
      const byRegion = (regionTargets[row.year] ??= {});
      if (value === null) delete byRegion[region];
      else byRegion[region] = value;
    }
  }
  if (!same(targets, original.targets)) patch.targets = targets;
  if (!same(regionTargets, original.regionTargets)) patch.regionTargets = regionTargets;
}

/** The fields that differ from the indicator as loaded; empty when nothing changed. */
export function toPatch(
  form: IndicatorForm,
  original: Indicator,
  targetCells: readonly GridCell[] = [],
): { patch: IndicatorPatch; problems: string[] } {
  const patch: IndicatorPatch = {};
  const problems: string[] = [];
  if (form.name.trim() !== original.name) patch.name = form.name.trim();
  if (form.unit.trim() !== original.unit) patch.unit = form.unit.trim();
  if (form.kind !== original.kind) patch.kind = form.kind;
  if (form.direction !== original.direction) patch.direction = form.direction;
  if (form.decimals !== original.decimals) patch.decimals = form.decimals;
  if (form.frequency !== original.frequency) patch.frequency = form.frequency;
  if (form.ytd !== original.ytd) patch.ytd = form.ytd;
  if ((form.rankBy || undefined) !== original.rankBy) patch.rankBy = form.rankBy || null;
  if ((form.category || undefined) !== original.category) patch.category = form.category || null;
  if ((form.parent || undefined) !== original.parent) patch.parent = form.parent || null;
  if ((form.seq.trim() || undefined) !== original.seq) patch.seq = form.seq.trim() || null;
  if (!same(form.markers, original.markers)) patch.markers = [...form.markers];
  if (form.cityIsSumOfRegions !== original.cityIsSumOfRegions) patch.cityIsSumOfRegions = form.cityIsSumOfRegions;
  const responsible = splitList(form.responsible, /[、,，;；\n]+/);
  if (!same(responsible, original.responsible)) patch.responsible = responsible;

  targetPatch(original, targetCells, patch);

  const year = form.milestoneYear;
  const milestones = typedMilestones(form.milestones);
  problems.push(...milestones.problems);
  if (!same(milestones.value, inOrder(original.milestones[year] ?? []))) {
    const next = { ...original.milestones };
    if (milestones.value.length) next[year] = milestones.value;
    else delete next[year];
    patch.milestones = next;
  }
  const overrides: Record<string, Milestone[]> = {};
  for (const o of form.overrides) {
    if (!o.region) {
      problems.push('区县单独节点：请选择区县');
      continue;
    }
    if (overrides[o.region]) problems.push(`区县单独节点：${o.region}填了两次`);
    const typed = typedMilestones(o.milestones, `${o.region}：`);
    problems.push(...typed.problems);
    if (typed.value.length === 0) problems.push(`${o.region}：单独节点至少填一个季度（不需要时请删除该行）`);
    overrides[o.region] = typed.value;
  }
  const originalOverrides = Object.fromEntries(
    Object.entries(original.regionMilestones[year] ?? {}).map(([r, list]) => [r, inOrder(list)]),
  );
  if (!same(Object.entries(overrides).sort(), Object.entries(originalOverrides).sort())) {
    const next = { ...original.regionMilestones };
    if (Object.keys(overrides).length) next[year] = overrides;
    else delete next[year];
    patch.regionMilestones = next;
  }

  const notes = splitList(form.notes, /\n+/);
  if (!same(notes, original.notes)) patch.notes = notes;
  return { patch, problems };
}

/** The years the dialog's grid shows: every year the system has, the one being looked at, and one added. */
export function gridYears(system: Pick<IndicatorSystem, 'years'>, ind: Indicator, year: string): string[] {
  return [...new Set([...system.years, ...Object.keys(ind.targets), ...Object.keys(ind.regionTargets), year])]
    .filter((y) => /^\d{4}$/.test(y))
    .sort();
}
