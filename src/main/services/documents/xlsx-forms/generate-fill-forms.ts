import type { PeriodView } from '../../../../shared/api-types';
import { endMonth, parsePeriod } from '../../../../shared/domain/periods';
import { periodTitle } from '../../../../shared/domain/period-labels';
import { AppError } from '../../../../shared/errors';
import type { FigureRecord } from '../../../../shared/schemas/figures';
import { lineageLookup } from '../../../../shared/systems/lineage';
import type { Workspace } from '../../storage/workspace';
import { createWorkbook, workbookToBuffer } from '../exceljs';
import {
  NOTE_COLUMN,
  REPORTER_NAME_CELL,
  REPORTER_PHONE_CELL,
  VALUE_COLUMN,
  writeFormSheet,
  type FormSheetInput,
} from './fill-form-sheet';
import { FORM_TEMPLATE_ID, FORM_TEMPLATE_VERSION, writeMetaSheet, type FormMeta } from './form-meta';
import { assertPeriodInWorkspace, formSections, type FormRowOptions, type FormSection } from './form-rows';

export interface FillFormOptions extends FormRowOptions {
  /** Regions to make forms for (default: every region of the workspace, in official order). */
  regions?: string[];
  /** The deadline printed in the instructions, e.g. "2023年10月8日" (default: the 8th of the next month). */
  returnBy?: string;
  now?: () => Date;
}

export interface FillForm {
  region: string;
  fileName: string;
  buffer: Buffer;
  rows: number;
}

const SECTION_NAMES = ['一', '二', '三'] as const;
const FREQUENCY_NAMES = { monthly: '按月报送指标', quarterly: '按季度报送指标', annual: '按年报送指标' } as const;

/** The default deadline: the 8th of the month after the period (when the sample's figures "arrive"). */
export function defaultReturnBy(period: string): string {
  const p = parsePeriod(period);
  const month = endMonth(p);
  return month === 12 ? `${p.year + 1}年1月8日` : `${p.year}年${month + 1}月8日`;
}

/** Windows forbids \ / : * ? " < > | in file names. */
function safeFilePart(text: string): string {
  return text.replace(/[\\/:*?"<>|\x00-\x1f]/g, '_').trim();
}

export function fillFormFileName(period: string, region: string, sample: boolean): string {
  return `${periodTitle(parsePeriod(period))}_${safeFilePart(region)}_填报表${sample ? '（示例数据）' : ''}.xlsx`;
}

function instructions(ws: Workspace, sections: FormSection[], returnBy: string): string[] {
  const keys = sections.map((s) => s.periodTitle).join('、');
  return [
    `填报说明：1. 请在黄色底纹的“本期数”列填写本地区 ${keys} 的数据，只填数字，不带单位（单位见“单位”列）；增速、比重等百分数直接填数值，如增长5.2%填 5.2，下降填负数。`,
    '2. 不适用本地区的指标填“/”；暂时没有数据的请留空，不要填 0。需要说明的情况写在“备注”列。',
    '3. “年度目标”“上年同期”“上期”列为已掌握的数据，供核对参考，不需填写；如发现有误请在备注中说明。',
    '4. 请勿增删行列、移动或重命名工作表、修改表格结构，请保存为 .xlsx 格式（不要另存为 .xls），否则无法导入。',
    `5. 请于${returnBy}前将本表发回${ws.settings.documents.issuer}。`,
  ];
}

function sectionHeading(index: number, s: FormSection): string {
  const lastYear = periodTitle(parsePeriod(s.lastYearPeriod));
  const previous = periodTitle(parsePeriod(s.previousPeriod));
  return `${SECTION_NAMES[index] ?? String(index + 1)}、${FREQUENCY_NAMES[s.frequency]}（本期：${s.periodTitle}；上年同期：${lastYear}；上期：${previous}）`;
}

/**
 * One fill-in workbook (填报表) per region for a period: the indicators due from that region, its stored
 * figures pre-filled (so a second round only corrects), and reference columns. See form-rows.ts for how a
 * month form also carries the quarterly (and, in December, annual) indicators under their own keys.
 */
export async function generateFillForms(
  ws: Workspace,
  period: string,
  options: FillFormOptions = {},
): Promise<FillForm[]> {
  const regions = options.regions ?? ws.settings.regions;
  const unknown = regions.filter((r) => !ws.settings.regions.includes(r));
  if (unknown.length)
    throw new AppError(
      'BAD_INPUT',
      `“${unknown.join('、')}”不是本工作区的区县（本工作区：${ws.settings.regions.join('、')}）。`,
    );
  const perRegion = regions.map((region) => ({ region, sections: formSections(ws, period, region, options) }));
  await assertPeriodInWorkspace(ws, period);

  const views = new Map<string, Promise<PeriodView>>();
  const view = (key: string) => {
    let v = views.get(key);
    if (!v) views.set(key, (v = ws.figures.get(key)));
    return v;
  };
  const record = async (
    key: string,
    systemId: string,
    indicatorId: string,
    region: string,
  ): Promise<FigureRecord | undefined> => {
    const figures = (await view(key)).figures;
    // Last year's figures of a system made by 新建下一年度 are stored under its predecessor.
    return lineageLookup((_k, s, i, r) => figures[s]?.[i]?.[r], ws.systemList())(key, systemId, indicatorId, region);
  };

  const signing = await ws.formSigningKey(true);
  if (!signing) throw new AppError('INTERNAL', '填报表签名密钥未能创建。');
  const now = (options.now ?? (() => new Date()))();
  const sample = ws.settings.sample;
  const title = periodTitle(parsePeriod(period));
  const returnBy = options.returnBy ?? defaultReturnBy(period);
  const forms: FillForm[] = [];
  for (const { region, sections } of perRegion) {
    if (sections.length === 0) continue;
    const input: FormSheetInput = {
      title: `${title}${region}指标数据填报表${sample ? '（示例数据）' : ''}`,
      subtitle: `填报单位：${region}　　统计期：${sections.map((s) => s.periodTitle).join('、')}　　${ws.settings.name}`,
      instructions: instructions(ws, sections, returnBy),
      sections: [],
      ...(sample
        ? { footnote: '示例数据：本表中的参考数是程序合成的示例数据，不是真实统计数，请勿用于正式报送。' }
        : {}),
    };
    for (const [index, s] of sections.entries()) {
      const rows = [];
      for (const row of s.rows) {
        const current = await record(s.period, row.systemId, row.indicatorId, region);
        const prefill = current?.v ?? (row.targetScope === 'region' && row.target === '/' ? '/' : undefined);
        rows.push({
          row,
          value: prefill ?? undefined,
          note: current?.note,
          lastYear: (await record(s.lastYearPeriod, row.systemId, row.indicatorId, region))?.v,
          previous: (await record(s.previousPeriod, row.systemId, row.indicatorId, region))?.v,
        });
      }
      input.sections.push({ heading: sectionHeading(index, s), rows });
    }

    const wb = await createWorkbook();
    wb.created = now;
    wb.modified = now;
    const rows = await writeFormSheet(wb, input);
    const meta: FormMeta = {
      templateId: FORM_TEMPLATE_ID,
      templateVersion: FORM_TEMPLATE_VERSION,
      workspaceId: ws.settings.id,
      workspaceName: ws.settings.name,
      city: ws.settings.city,
      region,
      period,
      sample,
      generatedAt: now.toISOString(),
      valueColumn: VALUE_COLUMN,
      noteColumn: NOTE_COLUMN,
      reporterNameCell: REPORTER_NAME_CELL,
      reporterPhoneCell: REPORTER_PHONE_CELL,
      rows,
    };
    writeMetaSheet(wb, meta, signing);
    forms.push({
      region,
      fileName: fillFormFileName(period, region, sample),
      buffer: await workbookToBuffer(wb),
      rows: meta.rows.length,
    });
  }
  if (forms.length === 0)
    throw new AppError('BAD_INPUT', `${title}没有需要区县填报的指标（所选区县在该期没有按期报送的指标）。`);
  return forms;
}
