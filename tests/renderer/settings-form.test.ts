import { describe, expect, it } from 'vitest';
import {
  documentForm,
  documentPatch,
  fieldErrors,
  linesToList,
  rankingForm,
  rankingPatch,
  refusalSummary,
} from '../../src/renderer/features/settings/settings-form';
import { WORKSPACE_FORMAT_VERSION, WorkspaceFileSchema, type WorkspaceFile } from '../../src/shared/schemas/workspace';

const ws: WorkspaceFile = WorkspaceFileSchema.parse({
  formatVersion: WORKSPACE_FORMAT_VERSION,
  id: 'ws-12345678',
  name: '测试专班',
  city: '湖州',
  regions: ['吴兴', '南浔'],
  systems: ['sys'],
  createdAt: '2023-01-01T00:00:00Z',
  documents: {
    briefingName: '湖州市测试简报',
    issuer: '测试办公室',
    noticeIssuerMark: '测试办公室',
    noticeNumberPrefix: '湖测',
    issueCounters: { '2023': 8 },
  },
  ranking: {
    keyIndicators: [
      { systemId: 'sys', indicatorId: 'a' },
      { systemId: 'sys', indicatorId: 'b' },
    ],
    decimalsOverride: { 'sys/a': 2, 'sys/old': 1 },
  },
});

describe('settings form ↔ patch', () => {
  it('reads lists one name a line and writes this year’s issue number beside the other years', () => {
    expect(linesToList(' 市委\n\n市政府 \r\n')).toEqual(['市委', '市政府']);
    // The form shows the counter of the year asked for: the file's for 2023, the first issue for a new year.
    expect(documentForm(ws, '2023').issueThisYear).toBe(8);
    expect(documentForm(ws, '2026').issueThisYear).toBe(1);
    const form = { ...documentForm(ws, '2026'), bao: '市委领导\n市政府领导', issueThisYear: 3 };
    const patch = documentPatch(form, ws, '2026');
    expect(patch.documents?.distribution?.bao).toEqual(['市委领导', '市政府领导']);
    expect(patch.documents?.issueCounters).toEqual({ '2023': 8, '2026': 3 });
    // A cleared number changes no counter at all.
    expect(documentPatch({ ...form, issueThisYear: null }, ws, '2026').documents).not.toHaveProperty('issueCounters');
  });

  it('keeps each kind’s counter apart: a 通报 文号 and a report number change only their own', () => {
    const form = { ...documentForm(ws, '2026'), noticeThisYear: 5, reportThisYear: 3, addressees: '各区县人民政府\n' };
    const patch = documentPatch(form, ws, '2026');
    expect(patch.documents?.noticeCounters).toEqual({ '2026': 5 });
    expect(patch.documents?.reportCounters).toEqual({ '2026': 3 });
    expect(patch.documents?.issueCounters).toEqual({ '2023': 8, '2026': 1 });
    expect(patch.documents?.noticeAddressees).toEqual(['各区县人民政府']);
    expect(patch.documents?.noticeCopyTo).toEqual([]);
  });

  it('keeps decimal overrides of indicators that are not key indicators, and drops cleared ones', () => {
    const form = rankingForm(ws);
    expect(form.decimals).toEqual({ 'sys/a': 2, 'sys/b': null });
    form.decimals['sys/a'] = null;
    form.decimals['sys/b'] = 0;
    const patch = rankingPatch(form, ws);
    expect(patch.ranking?.decimalsOverride).toEqual({ 'sys/old': 1, 'sys/b': 0 });
    expect(patch.ranking?.keyIndicators).toEqual([
      { systemId: 'sys', indicatorId: 'a' },
      { systemId: 'sys', indicatorId: 'b' },
    ]);
  });

  it("puts main's refusal next to the field it names, the rest above the form", () => {
    const fields = ['documents.briefingName', 'documents.copies', 'documents.distribution.bao'];
    expect(
      fieldErrors(
        '请求参数有误：patch.documents.copies：印数至少为 1 份；patch.documents.distribution.bao[1]：不能为空',
        fields,
      ),
    ).toEqual({
      byField: { 'documents.copies': '印数至少为 1 份', 'documents.distribution.bao': '不能为空' },
      general: [],
    });
    expect(fieldErrors('设置有误：documents.briefingName：简报名称不能为空；documents.issued：列表', fields)).toEqual({
      byField: { 'documents.briefingName': '简报名称不能为空' },
      general: ['列表'],
    });
    expect(fieldErrors('工作区为只读，不能修改。', fields)).toEqual({
      byField: {},
      general: ['工作区为只读，不能修改。'],
    });
    expect(refusalSummary(fieldErrors('请求参数有误：patch.documents.copies：印数至少为 1 份', fields))).toBe(
      '印数至少为 1 份',
    );
  });
});
