import { AppError } from '../errors';
import type { Category, Indicator, IndicatorSystem, Milestone } from '../schemas/indicator-system';
import type { NewIndicator, SystemEdit, SystemEditOutcome, TargetCell } from '../schemas/system-edit';
import { TOTAL_REGION } from './accessors';

/**
 * Applies one edit to a copy of a system: pure, no clock (the caller passes `now` and the user), no I/O
 * (the caller says which indicators have figures). The result is not yet validated as a whole: the caller
 * validates it and stores it, or refuses it with the validator's Chinese message.
 */
export interface EditContext {
  now: string;
  user: string;
  /** Whether any period holds a figure (or a cleared one) of the indicator: then it is archived, not deleted. */
  hasFigures(indicatorId: string): boolean;
}

function bad(message: string): never {
  throw new AppError('BAD_INPUT', message);
}

function indicatorOf(system: IndicatorSystem, id: string): Indicator {
  const ind = system.indicators.find((i) => i.id === id);
  if (!ind) bad(`指标体系“${system.title}”中没有编号为“${id}”的指标。`);
  return ind;
}

function nextId(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  for (let n = 1; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const MONTH: Record<Milestone['period'], number> = { Q1: 3, Q2: 6, H1: 6.5, Q3: 9, Q4: 12, H2: 12.5 };

function sortedMilestones(list: readonly Milestone[]): Milestone[] {
  return [...list].sort((a, b) => MONTH[a.period] - MONTH[b.period]);
}

/** Top-level rows each followed by their 其中 rows, in file order. */
function blocks(indicators: readonly Indicator[]): Indicator[][] {
  return indicators.filter((i) => !i.parent).map((top) => [top, ...indicators.filter((i) => i.parent === top.id)]);
}

function addIndicator(system: IndicatorSystem, fields: NewIndicator, after: string | undefined): SystemEditOutcome {
  const parent = fields.parent ? indicatorOf(system, fields.parent) : undefined;
  if (parent?.parent) bad(`“${parent.name}”本身是其中项，不能再在它下面添加其中项。`);
  const category = parent ? parent.category : fields.category;
  if (category && !system.categories.some((c) => c.id === category)) bad(`没有编号为“${category}”的类别。`);
  const clash = system.indicators.find(
    (i) => !i.archived && i.name === fields.name && (i.parent ?? null) === (parent?.id ?? null),
  );
  if (clash) bad(`已有名为“${fields.name}”的指标，请换一个名称或修改原指标。`);
  const ind: Indicator = {
    id: nextId(
      'added',
      system.indicators.map((i) => i.id),
    ),
    name: fields.name,
    unit: fields.unit,
    markers: fields.markers,
    responsible: fields.responsible,
    kind: fields.kind,
    direction: fields.direction,
    decimals: fields.decimals,
    cityIsSumOfRegions: fields.cityIsSumOfRegions,
    frequency: fields.frequency,
    ytd: fields.ytd,
    targets: {},
    regionTargets: {},
    milestones: {},
    regionMilestones: {},
    notes: [],
    ...(category ? { category } : {}),
    ...(parent ? { parent: parent.id } : {}),
    ...(fields.rankBy ? { rankBy: fields.rankBy } : {}),
    ...(fields.seq ? { seq: fields.seq } : {}),
  };
  const list = system.indicators;
  let at: number;
  if (after) {
    const anchor = indicatorOf(system, after);
    const lastOfBlock = list.reduce((last, i, k) => (i.id === anchor.id || i.parent === anchor.id ? k : last), -1);
    at = lastOfBlock + 1;
  } else if (parent) {
    at = list.reduce((last, i, k) => (i.id === parent.id || i.parent === parent.id ? k : last), -1) + 1;
  } else {
    const lastOfCategory = list.reduce((last, i, k) => ((i.category ?? null) === (category ?? null) ? k : last), -1);
    at = lastOfCategory >= 0 ? lastOfCategory + 1 : list.length;
    // Never split a parent from its 其中 rows.
    while (at < list.length && list[at]?.parent) at++;
  }
  list.splice(at, 0, ind);
  return { summary: `添加指标“${ind.name}”${parent ? `（“${parent.name}”的其中项）` : ''}` };
}

/** What the clerk calls each field of the edit dialog, for the summary of a change. */
const FIELD_NAMES: Record<string, string> = {
  name: '名称',
  unit: '单位',
  kind: '类型',
  direction: '方向',
  decimals: '小数位',
  frequency: '报送频度',
  ytd: '累计数',
  rankBy: '排名方式',
  responsible: '责任单位',
  category: '类别',
  parent: '上级指标',
  markers: '标记',
  seq: '序号',
  cityIsSumOfRegions: '全市合计',
  nature: '属性',
  targets: '年度目标',
  regionTargets: '分解目标',
  milestones: '节点',
  regionMilestones: '节点',
  notes: '说明',
};

function updateIndicator(system: IndicatorSystem, id: string, patch: Record<string, unknown>): SystemEditOutcome {
  const index = system.indicators.findIndex((i) => i.id === id);
  const current = system.indicators[index];
  if (!current) bad(`指标体系“${system.title}”中没有编号为“${id}”的指标。`);
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const parentId = next['parent'];
  if (typeof parentId === 'string' && parentId !== current.parent) {
    const parent = indicatorOf(system, parentId);
    if (parent.parent) bad(`“${parent.name}”本身是其中项，不能作为上级指标。`);
    if (system.indicators.some((i) => i.parent === id))
      bad(`“${current.name}”下有其中项，不能再设为其他指标的其中项。`);
    // A 其中 row sits in its parent's category.
    if (parent.category) next['category'] = parent.category;
    else delete next['category'];
  }
  system.indicators[index] = next as Indicator;
  // The 其中 rows follow their parent into another category.
  if ('category' in patch && !current.parent) {
    system.indicators = system.indicators.map((i) =>
      i.parent === id ? ({ ...i, ...(next['category'] ? { category: next['category'] } : {}) } as Indicator) : i,
    );
  }
  const fields = [...new Set(Object.keys(patch).map((k) => FIELD_NAMES[k] ?? k))];
  return { summary: `修改指标“${current.name}”（${fields.join('、')}）` };
}

function removeIndicator(
  system: IndicatorSystem,
  id: string,
  reason: string | undefined,
  ctx: EditContext,
): SystemEditOutcome {
  const ind = indicatorOf(system, id);
  const family = system.indicators.filter((i) => i.id === id || i.parent === id);
  const withFigures = family.filter((i) => ctx.hasFigures(i.id));
  if (withFigures.length === 0) {
    system.indicators = system.indicators.filter((i) => !family.includes(i));
    const children = family.length - 1;
    return { summary: `删除指标“${ind.name}”${children ? `及其 ${children} 个其中项` : ''}（没有录入过数据）` };
  }
  const archived = { at: ctx.now, by: ctx.user, ...(reason ? { reason } : {}) };
  system.indicators = system.indicators.map((i) => (family.includes(i) && !i.archived ? { ...i, archived } : i));
  return {
    summary: `停用指标“${ind.name}”${family.length > 1 ? `及其其中项` : ''}（已有数据，数据保留，可恢复）`,
    archived: true,
  };
}

function restoreIndicator(system: IndicatorSystem, id: string): SystemEditOutcome {
  const ind = indicatorOf(system, id);
  if (!ind.archived) bad(`指标“${ind.name}”没有停用，无需恢复。`);
  const parent = ind.parent ? indicatorOf(system, ind.parent) : undefined;
  const restoreIds = new Set([id, ...(parent?.archived ? [parent.id] : [])]);
  system.indicators = system.indicators.map((i) => {
    if (!restoreIds.has(i.id)) return i;
    const { archived: _archived, ...rest } = i;
    return rest;
  });
  return { summary: `恢复使用指标“${ind.name}”${parent?.archived ? `（及其上级“${parent.name}”）` : ''}` };
}

function moveIndicator(system: IndicatorSystem, id: string, offset: -1 | 1): SystemEditOutcome {
  const ind = indicatorOf(system, id);
  const siblings = system.indicators.filter((i) =>
    ind.parent ? i.parent === ind.parent : !i.parent && (i.category ?? null) === (ind.category ?? null),
  );
  const k = siblings.indexOf(ind);
  const other = siblings[k + offset];
  if (!other) bad(`“${ind.name}”已经是${offset < 0 ? '第一' : '最后一'}项，不能再${offset < 0 ? '上' : '下'}移。`);
  if (ind.parent) {
    const a = system.indicators.indexOf(ind);
    const b = system.indicators.indexOf(other);
    system.indicators[a] = other;
    system.indicators[b] = ind;
  } else {
    const all = blocks(system.indicators);
    const a = all.findIndex((block) => block[0] === ind);
    const b = all.findIndex((block) => block[0] === other);
    const blockA = all[a]!;
    all[a] = all[b]!;
    all[b] = blockA;
    system.indicators = all.flat();
  }
  return { summary: `调整指标“${ind.name}”的位置（${offset < 0 ? '上移' : '下移'}）` };
}

function setCategories(
  system: IndicatorSystem,
  wanted: { id?: string | undefined; name: string }[],
): SystemEditOutcome {
  const names = new Set<string>();
  for (const c of wanted) {
    if (names.has(c.name)) bad(`类别“${c.name}”重复。`);
    names.add(c.name);
  }
  const taken = system.categories.map((c) => c.id);
  const next: Category[] = wanted.map((c) => {
    if (c.id) {
      if (!system.categories.some((old) => old.id === c.id)) bad(`没有编号为“${c.id}”的类别。`);
      return { id: c.id, name: c.name };
    }
    const id = nextId('cat', taken);
    taken.push(id);
    return { id, name: c.name };
  });
  for (const old of system.categories) {
    if (next.some((c) => c.id === old.id)) continue;
    const used = system.indicators.filter((i) => i.category === old.id);
    if (used.length)
      bad(`类别“${old.name}”下还有 ${used.length} 项指标（${used[0]!.name}等），请先把它们移到其他类别再删除该类别。`);
  }
  system.categories = next;
  return { summary: `修改类别（${next.map((c) => c.name).join('、') || '无'}）` };
}

function setTargets(system: IndicatorSystem, year: string, cells: readonly TargetCell[]): SystemEditOutcome {
  const regions = new Set(system.regions);
  const touched = new Set<string>();
  for (const cell of cells) {
    const ind = indicatorOf(system, cell.indicatorId);
    touched.add(ind.name);
    if (cell.region === TOTAL_REGION) {
      const targets = { ...ind.targets };
      if (cell.value === null) delete targets[year];
      else targets[year] = cell.value;
      ind.targets = targets;
      continue;
    }
    if (!regions.has(cell.region))
      bad(`“${cell.region}”不是本体系的区县（${system.regions.join('、')}），${ind.name}的目标未保存。`);
    const byRegion = { ...(ind.regionTargets[year] ?? {}) };
    if (cell.value === null) delete byRegion[cell.region];
    else byRegion[cell.region] = cell.value;
    ind.regionTargets = { ...ind.regionTargets, [year]: byRegion };
  }
  const names = [...touched];
  return {
    summary: `设定${year}年目标：${names.slice(0, 3).join('、')}${names.length > 3 ? `等 ${names.length} 项指标` : ''}（${cells.length} 格）`,
  };
}

function setMilestones(
  system: IndicatorSystem,
  id: string,
  year: string,
  region: string | undefined,
  milestones: readonly Milestone[] | null,
): SystemEditOutcome {
  const ind = indicatorOf(system, id);
  const list = milestones && milestones.length ? sortedMilestones(milestones) : null;
  if (!region || region === TOTAL_REGION) {
    const next = { ...ind.milestones };
    if (list) next[year] = list;
    else delete next[year];
    ind.milestones = next;
    return { summary: `${list ? '设定' : '清除'}“${ind.name}”${year}年节点` };
  }
  if (!system.regions.includes(region)) bad(`“${region}”不是本体系的区县（${system.regions.join('、')}）。`);
  const byRegion = { ...(ind.regionMilestones[year] ?? {}) };
  if (list) byRegion[region] = list;
  else delete byRegion[region];
  ind.regionMilestones = { ...ind.regionMilestones, [year]: byRegion };
  return {
    summary: list ? `设定“${ind.name}”${year}年${region}的节点` : `${region}改用“${ind.name}”${year}年的统一节点`,
  };
}

/** Applies the edit to `system` (a copy the caller owns) and says what it did. */
export function applySystemEdit(system: IndicatorSystem, edit: SystemEdit, ctx: EditContext): SystemEditOutcome {
  switch (edit.op) {
    case 'addIndicator':
      return addIndicator(system, edit.indicator, edit.after);
    case 'updateIndicator':
      return updateIndicator(system, edit.indicatorId, edit.patch);
    case 'removeIndicator':
      return removeIndicator(system, edit.indicatorId, edit.reason, ctx);
    case 'restoreIndicator':
      return restoreIndicator(system, edit.indicatorId);
    case 'moveIndicator':
      return moveIndicator(system, edit.indicatorId, edit.offset);
    case 'setCategories':
      return setCategories(system, edit.categories);
    case 'setTargets':
      return setTargets(system, edit.year, edit.cells);
    case 'setMilestones':
      return setMilestones(system, edit.indicatorId, edit.year, edit.region, edit.milestones);
    case 'setInfo': {
      if (edit.title) system.title = edit.title;
      if (edit.documentTitle) system.document = { ...system.document, title: edit.documentTitle };
      if (edit.docNumber !== undefined) {
        const { docNumber: _old, ...rest } = system.document;
        system.document = edit.docNumber ? { ...rest, docNumber: edit.docNumber } : rest;
      }
      return { summary: `修改体系信息（${system.title}）` };
    }
  }
}
