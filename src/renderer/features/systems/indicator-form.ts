import { milestoneProblems } from '../../../shared/domain/progress';
import type { IndicatorPatch } from '../../../shared/schemas/indicator-patch';
import { milestonesOf, regionTargetsOf } from '../../../shared/systems/accessors';
import type {
  Direction,
  Frequency,
  Indicator,
  IndicatorKind,
  IndicatorSystem,
  Milestone,
  RankBy,
  TargetValue,
} from '../../../shared/schemas/indicator-system';

/**
 * The edit dialog's form: the editable fields of an indicator as text the clerk types, converted back
 * to a patch holding only what changed. Main validates the patched system again (its message is shown).
 */

export const MILESTONE_PERIODS = ['Q1', 'Q2', 'Q3', 'Q4', 'H1', 'H2'] as const;
type MilestonePeriod = (typeof MILESTONE_PERIODS)[number];

export interface IndicatorForm {
  name: string;
  unit: string;
  kind: IndicatorKind;
  direction: Direction;
  decimals: number;
  frequency: Frequency;
  ytd: boolean;
  rankBy: RankBy | '';
  /** 责任单位, separated by 、 */
  responsible: string;
  targets: { year: string; text: string }[];
  /** The year whose district targets and milestones the form edits. */
  regionYear: string;
  byRegion: { region: string; text: string }[];
  milestones: Record<MilestonePeriod, string>;
  /** One note per line. */
  notes: string;
}

function targetText(t: TargetValue | undefined): string {
  return t === undefined ? '' : typeof t === 'number' ? String(t) : t;
}

export function toForm(
  ind: Indicator,
  system: Pick<IndicatorSystem, 'years' | 'regions'>,
  regionYear: string,
): IndicatorForm {
  const years = [...new Set([...system.years, ...Object.keys(ind.targets)])].sort();
  const milestones = Object.fromEntries(MILESTONE_PERIODS.map((p) => [p, ''])) as Record<MilestonePeriod, string>;
  for (const m of milestonesOf(ind, regionYear)) milestones[m.period] = String(m.percent);
  const districtTargets = regionTargetsOf(ind, regionYear);
  return {
    name: ind.name,
    unit: ind.unit,
    kind: ind.kind,
    direction: ind.direction,
    decimals: ind.decimals,
    frequency: ind.frequency,
    ytd: ind.ytd,
    rankBy: ind.rankBy ?? '',
    responsible: ind.responsible.join('、'),
    targets: years.map((year) => ({ year, text: targetText(ind.targets[year]) })),
    regionYear,
    byRegion: system.regions.map((region) => ({ region, text: targetText(districtTargets[region]) })),
    milestones,
    notes: ind.notes.join('\n'),
  };
}

const PLAIN_NUMBER = /^[+-]?(\d+(\.\d+)?|\.\d+)$/;

/**
 * A typed target: a plain number becomes a number, anything else stays verbatim text ("2个以上"); empty
 * means no target. When the text is what was stored, the stored value is kept as it was.
 */
export function targetValueOf(text: string, original?: TargetValue): TargetValue | null {
  const t = text.trim();
  if (t === '') return null;
  if (original !== undefined && targetText(original) === t) return original;
  return PLAIN_NUMBER.test(t) ? Number(t) : t;
}

function record<K extends string>(
  rows: { key: K; text: string }[],
  original: Partial<Record<K, TargetValue>> | undefined,
): Record<string, TargetValue> {
  const out: Record<string, TargetValue> = {};
  for (const { key, text } of rows) {
    const v = targetValueOf(text, original?.[key]);
    if (v !== null) out[key] = v;
  }
  return out;
}

function splitList(text: string, separators: RegExp): string[] {
  return text
    .split(separators)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Milestone percentages as typed; a Chinese problem for each that is not a number from 0 to 1000. */
export function typedMilestones(form: Pick<IndicatorForm, 'milestones'>): { value: Milestone[]; problems: string[] } {
  const value: Milestone[] = [];
  const problems: string[] = [];
  for (const period of MILESTONE_PERIODS) {
    const t = form.milestones[period].trim().replace(/[%％]$/, '');
    if (t === '') continue;
    const n = Number(t);
    if (!PLAIN_NUMBER.test(t) || n < 0 || n > 1000)
      problems.push(`节点目标 ${period} 应为 0 到 1000 之间的百分数，现为“${form.milestones[period]}”`);
    else value.push({ period, percent: n });
  }
  return { value, problems };
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function sortedEntries(r: Record<string, unknown> | undefined): [string, unknown][] {
  return Object.entries(r ?? {}).sort(([a], [b]) => a.localeCompare(b));
}

/** The fields that differ from the indicator as loaded; empty when nothing changed. */
export function toPatch(form: IndicatorForm, original: Indicator): { patch: IndicatorPatch; problems: string[] } {
  const patch: IndicatorPatch = {};
  const problems: string[] = [];
  if (form.name.trim() !== original.name) patch.name = form.name.trim();
  if (form.unit.trim() !== original.unit) patch.unit = form.unit.trim();
  if (form.kind !== original.kind) patch.kind = form.kind;
  if (form.direction !== original.direction) patch.direction = form.direction;
  if (form.decimals !== original.decimals) patch.decimals = form.decimals;
  if (form.frequency !== original.frequency) patch.frequency = form.frequency;
  if (form.ytd !== original.ytd) patch.ytd = form.ytd;
  if (form.rankBy !== '' && form.rankBy !== original.rankBy) patch.rankBy = form.rankBy;
  const responsible = splitList(form.responsible, /[、,，;；\n]+/);
  if (!same(responsible, original.responsible)) patch.responsible = responsible;

  const years = new Set<string>();
  for (const { year } of form.targets) {
    if (!/^\d{4}$/.test(year.trim())) problems.push(`目标年份“${year}”应为四位数字，如 2023`);
    else if (years.has(year.trim())) problems.push(`目标年份 ${year} 重复`);
    years.add(year.trim());
  }
  const targets = record(
    form.targets.map((t) => ({ key: t.year.trim(), text: t.text })),
    original.targets,
  );
  if (!same(sortedEntries(targets), sortedEntries(original.targets))) patch.targets = targets;

  const year = form.regionYear;
  const originalDistricts = regionTargetsOf(original, year);
  const byRegion = record(
    form.byRegion.map((t) => ({ key: t.region, text: t.text })),
    originalDistricts,
  );
  if (!same(sortedEntries(byRegion), sortedEntries(originalDistricts)))
    patch.regionTargets = { ...original.regionTargets, [year]: byRegion };

  const milestones = typedMilestones(form);
  problems.push(...milestones.problems);
  if (milestones.problems.length === 0) problems.push(...milestoneProblems(milestones.value));
  const originalMilestones = original.milestones[year] ?? [];
  if (
    !same(
      milestones.value,
      MILESTONE_PERIODS.flatMap((p) => originalMilestones.filter((m) => m.period === p)),
    )
  )
    patch.milestones = { ...original.milestones, [year]: milestones.value };

  const notes = splitList(form.notes, /\n+/);
  if (!same(notes, original.notes)) patch.notes = notes;
  return { patch, problems };
}
