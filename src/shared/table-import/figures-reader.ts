import { parseFigureInput } from '../domain/figure-input';
import type { Period } from '../domain/periods';
import { TOTAL_REGION } from '../schemas/region';
import { cellAddress, cellLabel, type GridView } from './grid';
import { nameKey, nameSimilarity } from './names';
import { storageKey } from './period-text';
import type {
  FigureCandidate,
  FigureIndicator,
  FiguresBlock,
  FiguresReadContext,
  IndicatorRef,
  NameMatch,
  UnmatchedName,
} from './figures-types';
import type { TableMessage } from './types';
import { matchRegion, PROVINCE, squash } from './vocabulary';

export function numeric(view: GridView, row: number): boolean {
  return view
    .rowTexts(row)
    .some(({ col, text }) => view.own(row, col)?.number !== undefined || /^[-+]?[\d.,]+%?$/.test(squash(text)));
}

/** Collects what the sheets hold: candidates per cell, blocks, messages, and which names matched. */
export class Reader {
  readonly candidates: FigureCandidate[] = [];
  readonly messages: TableMessage[] = [];
  readonly blocks: FiguresBlock[] = [];
  private readonly names = new Map<string, { name: string; cells: string[] }>();
  private readonly byKey = new Map<string, FigureIndicator[]>();

  constructor(private readonly ctx: FiguresReadContext) {
    for (const ind of ctx.indicators) {
      if (ctx.options.systemId && ind.systemId !== ctx.options.systemId) continue;
      const key = nameKey(ind.name);
      this.byKey.set(key, [...(this.byKey.get(key) ?? []), ind]);
    }
  }

  /** The indicators a printed name stands for: the clerk's choice, else the same name. */
  targets(printed: string): FigureIndicator[] | null {
    const chosen = this.ctx.options.names?.[printed];
    if (chosen === null) return [];
    if (chosen) {
      const ind = this.ctx.indicators.find(
        (i) => i.systemId === chosen.systemId && i.indicatorId === chosen.indicatorId,
      );
      return ind ? [ind] : null;
    }
    return this.byKey.get(nameKey(printed)) ?? null;
  }

  note(printed: string, cell: string): void {
    const n = this.names.get(printed) ?? { name: printed, cells: [] };
    if (n.cells.length < 5) n.cells.push(cell);
    this.names.set(printed, n);
  }

  region(text: string): { region: string } | { reason: string } | null {
    const r = matchRegion(text, this.ctx.regions);
    if (r === null) return null;
    if (r === TOTAL_REGION || r === PROVINCE || this.ctx.workspaceRegions.includes(r)) return { region: r };
    return { reason: `“${text}”不在本工作区的区县中（${this.ctx.workspaceRegions.join('、')}）` };
  }

  /** Reads one value cell for every indicator the name stands for. */
  figure(
    view: GridView,
    row: number,
    col: number,
    printedName: string,
    printedUnit: string | undefined,
    region: string,
    period: Period | null,
    periodText: string,
  ): void {
    const cell = view.cell(row, col);
    if (!cell || cell.text === '') return;
    const address = cellAddress(row, col);
    const targets = this.targets(printedName);
    this.note(printedName, address);
    if (!targets || targets.length === 0) return;
    const where = `${cellLabel(view.name, address)}`;
    for (const ind of targets) {
      const base: FigureCandidate = {
        sheet: view.name,
        cell: address,
        periodText,
        systemId: ind.systemId,
        indicatorId: ind.indicatorId,
        indicatorName: ind.name,
        unit: ind.unit,
        region,
        raw: cell.text,
      };
      const refuse = (why: string) => this.candidates.push({ ...base, message: `${where}：${why}` });
      if (!period) {
        refuse(`没有统计期（表名、工作表名和本行都没有写明，如“2025年1—9月”），未导入。请在预览中选择统计期`);
        continue;
      }
      const key = storageKey(period, ind.frequency);
      if ('reason' in key) {
        refuse(`${key.reason}（${periodText}），未导入`);
        continue;
      }
      const withPeriod = { ...base, period: key.key };
      if (printedUnit !== undefined && squash(printedUnit) !== squash(ind.unit)) {
        this.candidates.push({
          ...withPeriod,
          message: `${where}：表中单位“${printedUnit}”与指标“${ind.name}”的单位“${ind.unit || '无'}”不同，未导入。请换算为${ind.unit || '无单位'}后再导入`,
        });
        continue;
      }
      if (cell.error !== undefined || cell.isDate) {
        this.candidates.push({
          ...withPeriod,
          message: `${where}：“${cell.text}”${cell.error ?? '是日期，不是数值'}`,
        });
        continue;
      }
      const parsed = parseFigureInput(cell.number ?? cell.text, ind, {
        excessDecimals: cell.fromFormula ? 'round' : 'reject',
      });
      if (!parsed.ok) {
        this.candidates.push({ ...withPeriod, message: `${where}：${parsed.message}` });
        continue;
      }
      if (parsed.value === null) continue;
      this.candidates.push({ ...withPeriod, value: parsed.value });
    }
  }

  nameReport(): { matched: NameMatch[]; unmatched: UnmatchedName[] } {
    const matched: NameMatch[] = [];
    const unmatched: UnmatchedName[] = [];
    const ref = (i: FigureIndicator): IndicatorRef => ({
      systemId: i.systemId,
      indicatorId: i.indicatorId,
      systemTitle: i.systemTitle,
      name: i.name,
    });
    for (const n of this.names.values()) {
      const targets = this.targets(n.name);
      if (targets && targets.length > 0) {
        matched.push({
          name: n.name,
          cells: n.cells,
          targets: targets.map(ref),
          ...(this.ctx.options.names?.[n.name] ? { chosen: true } : {}),
        });
        continue;
      }
      if (this.ctx.options.names?.[n.name] === null) continue;
      const pool = this.ctx.indicators.filter(
        (i) => !this.ctx.options.systemId || i.systemId === this.ctx.options.systemId,
      );
      const suggestions = pool
        .map((i) => ({ i, score: nameSimilarity(n.name, i.name) }))
        .filter((x) => x.score >= 0.3)
        .sort((a, b) => b.score - a.score)
        .slice(0, 3)
        .map((x) => ref(x.i));
      unmatched.push({ name: n.name, cells: n.cells, suggestions });
    }
    return { matched, unmatched };
  }
}
