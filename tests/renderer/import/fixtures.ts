import type { ImportCellReport, ImportFileReport, ImportPreview } from '../../../src/shared/import-types';

/** Previews shaped as main answers them (texts copied from the importer's messages). */

export function cell(ref: string, over: Partial<ImportCellReport>): ImportCellReport {
  return {
    ref,
    systemId: 'hz-mfg-cluster-regional-2023',
    indicatorId: 'industrial-value-added-growth',
    indicatorName: '规上工业增加值增长',
    unit: '%',
    region: '吴兴',
    period: '2023-12',
    raw: '',
    status: 'blank',
    old: null,
    new: null,
    anomalies: [],
    ...over,
  };
}

export const wuxingFile: ImportFileReport = {
  file: '2023年1—12月_吴兴_填报表.xlsx',
  status: 'accepted',
  region: '吴兴',
  period: '2023-12',
  periodTitle: '2023年1—12月',
  reporter: { name: '张三', phone: '0572-1234567' },
  cells: [
    cell('填报表!D7', { status: 'changed', raw: '5.2%', old: 4.1, new: 5.2, newNote: '含新投产企业' }),
    cell('填报表!D8', {
      indicatorId: 'manufacturing-investment-growth',
      indicatorName: '制造业投资增长',
      status: 'changed',
      raw: '-3',
      old: 12.5,
      new: -3,
      anomalies: [
        { kind: 'jump', message: '较上期（2023年1—11月）变动 -15.5 个百分点，超过 10 个百分点的提示线，请核实' },
        { kind: 'signFlip', message: '与上期（2023年1—11月）正负相反，请核实' },
      ],
    }),
    cell('填报表!D9', {
      indicatorId: 'digital-core-mfg-va-growth',
      indicatorName: '数字经济核心产业制造业增加值增速',
      status: 'rejected',
      raw: 'abc',
      message: '填报表!D9：“abc”不是数字。请填数字（如 12.5）、“/”表示不适用，或留空',
    }),
    cell('填报表!D10', {
      indicatorId: 'tech-upgrade-investment-growth',
      indicatorName: '工业技改投资增长',
      status: 'changed',
      raw: '/',
      old: null,
      new: '/',
    }),
    cell('填报表!D11', {
      indicatorId: 'mfg-medium-long-term-loans',
      indicatorName: '制造业中长期贷款余额',
      unit: '亿元',
      status: 'unchanged',
      raw: '123.45',
      old: 123.45,
      new: 123.45,
    }),
    cell('填报表!D12', {
      indicatorId: 'energy-intensity-reduction',
      indicatorName: '单位工业增加值能耗下降',
      status: 'blank',
    }),
    cell('填报表!D15', {
      indicatorId: 'inefficient-rectification-land-freed',
      indicatorName: '低效用地整治腾出土地',
      unit: '亩',
      period: '2023Q4',
      status: 'changed',
      raw: '1,234.5',
      old: 980,
      new: 1234.5,
    }),
    cell('填报表!D16', {
      indicatorId: 'inefficient-firms-rectified',
      indicatorName: '整治提升低效企业',
      unit: '家',
      period: '2023Q4',
      status: 'rejected',
      raw: '12.5',
      message: '填报表!D16：整治提升低效企业应为整数（单位：家），“12.5”有小数',
    }),
    cell('填报表!D17', {
      indicatorId: 'industrial-tax-per-mu',
      indicatorName: '规上工业亩均税收',
      unit: '万元/亩',
      status: 'rejected',
      raw: '31.2',
      message: '填报表!E17：备注有 612 字，超过 500 字上限，该项未导入',
    }),
  ],
  counts: { unchanged: 1, changed: 4, rejected: 3, blank: 1, anomalies: 2 },
};

export const refusedFile: ImportFileReport = {
  file: '说明.txt',
  status: 'refused',
  message: '“说明.txt”不是 Excel 工作簿（.xlsx），也不是能识别的表格文件，无法读取。请选择区县发回的填报表',
  cells: [],
  counts: { unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 },
};

export function preview(id: string, files: ImportFileReport[], expiresAt = '2023-12-08T02:30:00.000Z'): ImportPreview {
  const totals = {
    files: files.length,
    refusedFiles: 0,
    unchanged: 0,
    changed: 0,
    rejected: 0,
    blank: 0,
    anomalies: 0,
  };
  for (const f of files) {
    for (const k of ['unchanged', 'changed', 'rejected', 'blank', 'anomalies'] as const) totals[k] += f.counts[k];
    if (f.status === 'refused') totals.refusedFiles++;
  }
  return {
    id,
    workspaceId: 'ws-1',
    sample: false,
    review: [],
    createdAt: '2023-12-08T02:00:00.000Z',
    expiresAt,
    files,
    basis: { '2023-12': 4 },
    totals,
  };
}
