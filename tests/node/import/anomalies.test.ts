import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectAnomalies, type AnomalyInput } from '../../../src/shared/domain/figure-anomalies';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { previewImport } from '../../../src/main/services/import';
import type { Workspace } from '../../../src/main/services/storage/workspace';
import { fillForm, REGIONAL, sampleWorkspace } from './helpers';

const base: Omit<AnomalyInput, 'value' | 'previous'> = {
  kind: 'level',
  ytd: false,
  unit: '亿元',
  previousLabel: '2023年1—8月',
  firstOfYear: false,
};
const kinds = (
  input: Partial<AnomalyInput> & Pick<AnomalyInput, 'value' | 'previous'>,
  options?: { levelJumpRatio: number; rateJumpPoints: number },
) => detectAnomalies({ ...base, ...input }, options).map((a) => a.kind);

describe('anomaly rules (pure)', () => {
  it.each<[string, Partial<AnomalyInput> & Pick<AnomalyInput, 'value' | 'previous'>, string[]]>([
    ['level within 50%', { value: 140, previous: 100 }, []],
    ['level up more than 50%', { value: 151, previous: 100 }, ['jump']],
    ['level down more than 50%', { value: 49, previous: 100 }, ['jump']],
    ['level exactly 50% is not beyond', { value: 150, previous: 100 }, []],
    ['no previous figure', { value: 500, previous: undefined }, []],
    ['previous "/"', { value: 500, previous: '/' }, []],
    ['previous zero has no ratio', { value: 5, previous: 0 }, []],
    ['growth within 10 points', { kind: 'growth', unit: '%', value: 15, previous: 6 }, []],
    ['growth beyond 10 points', { kind: 'growth', unit: '%', value: 16.5, previous: 6 }, ['jump']],
    ['share beyond 10 points', { kind: 'share', unit: '%', value: 40, previous: 55 }, ['jump']],
    ['growth sign flip', { kind: 'growth', unit: '%', value: -2, previous: 3 }, ['signFlip']],
    ['growth to zero is no flip', { kind: 'growth', unit: '%', value: 0, previous: 3 }, []],
    ['level sign flip and jump', { value: -10, previous: 100 }, ['jump', 'signFlip']],
    ['ytd level lower than last month', { ytd: true, value: 90, previous: 100 }, ['ytdDecrease']],
    ['ytd count lower than last month', { kind: 'count', ytd: true, value: 9, previous: 10 }, ['ytdDecrease']],
    // 能耗强度, 人均收入: ratios of two running totals, which may fall from one period to the next.
    ['ytd per-unit figure may fall', { kind: 'perUnit', ytd: true, value: 0.52, previous: 0.55 }, []],
    ['ytd level restarts in January', { ytd: true, firstOfYear: true, value: 10, previous: 100 }, []],
    ['ytd growth rate may fall', { kind: 'growth', unit: '%', ytd: true, value: 5, previous: 6 }, []],
    [
      'ytd level at the monthly pace (1—9月 after 1—6月)',
      { ytd: true, value: 150, previous: 100, months: { now: 9, previous: 6 } },
      [],
    ],
    [
      'growth of 1234.5% with no previous figure',
      { kind: 'growth', unit: '%', value: 1234.5, previous: undefined },
      ['growthRange'],
    ],
    ['growth of exactly 100% is within the line', { kind: 'growth', unit: '%', value: 100, previous: undefined }, []],
    [
      'growth of 100.1% beyond the line and the jump',
      { kind: 'growth', unit: '%', value: 100.1, previous: 6 },
      ['growthRange', 'jump'],
    ],
    ['a level of 1234.5 is no growth rate', { value: 1234.5, previous: 1200 }, []],
    [
      'ytd level far above the pace',
      { ytd: true, value: 240, previous: 100, months: { now: 9, previous: 6 } },
      ['jump'],
    ],
  ])('%s', (_name, input, expected) => {
    expect(kinds(input)).toEqual(expected);
  });

  it('takes the thresholds as parameters', () => {
    expect(kinds({ value: 130, previous: 100 }, { levelJumpRatio: 0.2, rateJumpPoints: 10 })).toEqual(['jump']);
    expect(
      kinds({ kind: 'growth', unit: '%', value: 9, previous: 6 }, { levelJumpRatio: 0.5, rateJumpPoints: 2 }),
    ).toEqual(['jump']);
  });

  it('says in Chinese what it compared', () => {
    const [jump] = detectAnomalies({ ...base, kind: 'growth', unit: '%', value: 18.2, previous: 6.1 });
    expect(jump?.message).toBe('较上期（2023年1—8月：6.1%）变动 +12.1 个百分点，超过 10 个百分点的提示线，请核实');
    const [paced] = detectAnomalies({
      ...base,
      ytd: true,
      value: 300,
      previous: 100,
      months: { now: 9, previous: 6 },
      previousLabel: '2023年第二季度',
    });
    expect(paced?.message).toBe(
      '较按上期累计数（2023年第二季度：100亿元）和时间进度折算的 150亿元变动 +100%，超过 50% 的提示线，请核实',
    );
  });
});

describe('anomalies in an import preview', () => {
  let ws: Workspace;
  beforeAll(async () => {
    ws = await sampleWorkspace();
  });
  afterAll(() => ws.close());

  it('flags jumps, sign flips and falling year-to-date totals against the stored previous period, without blocking them', async () => {
    const sept = await ws.figures.get('2023-09');
    const q3 = await ws.figures.get('2023Q3');
    const growthSept = sept.figures[REGIONAL]?.['industrial-value-added-growth']?.['吴兴']?.v;
    const investSept = sept.figures[REGIONAL]?.['manufacturing-investment-growth']?.['吴兴']?.v;
    const digitalSept = sept.figures[REGIONAL]?.['digital-core-mfg-va-growth']?.['吴兴']?.v;
    const firmsQ3 = q3.figures[REGIONAL]?.['inefficient-firms-rectified']?.['吴兴']?.v;
    const landQ3 = q3.figures[REGIONAL]?.['inefficient-rectification-land-freed']?.['吴兴']?.v;
    expect([growthSept, investSept, digitalSept, firmsQ3, landQ3].every((v) => typeof v === 'number' && v > 0)).toBe(
      true,
    );

    // October's monthly figures follow September's; December's quarterly ones follow 2023Q3.
    const [october] = await generateFillForms(ws, '2023-10', { regions: ['吴兴'] });
    const [december] = await generateFillForms(ws, '2023-12', { regions: ['吴兴'] });
    const monthly = await fillForm(october!.buffer, (f) => {
      f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = Number(growthSept) + 15; // +15 points
      f.sheet.getCell(`D${f.row('manufacturing-investment-growth')}`).value = -0.5; // sign flip
      f.sheet.getCell(`D${f.row('digital-core-mfg-va-growth')}`).value = Number(digitalSept) + 1; // unremarkable
    });
    const quarterly = await fillForm(december!.buffer, (f) => {
      f.sheet.getCell(`D${f.row('inefficient-firms-rectified')}`).value = Number(firmsQ3) - 5; // YTD total falls
      f.sheet.getCell(`D${f.row('inefficient-rectification-land-freed')}`).value = Number(landQ3) * 3; // far above the 12/9 pace
    });
    const files = [
      { name: october!.fileName, bytes: monthly },
      { name: december!.fileName, bytes: quarterly },
    ];
    const preview = await previewImport(ws, files, { anomalies: { rateJumpPoints: 10, levelJumpRatio: 0.5 } });
    const cell = (id: string) => preview.files.flatMap((f) => f.cells).find((c) => c.indicatorId === id);
    expect(cell('industrial-value-added-growth')?.anomalies.map((a) => a.kind)).toEqual(['jump']);
    // The seeded sample has 吴兴's investment growing by more than 9.5%: -0.5% is a sign flip and a fall of over 10 points.
    expect(Number(investSept)).toBeGreaterThan(9.5);
    expect(cell('manufacturing-investment-growth')?.anomalies.map((a) => a.kind)).toEqual(['jump', 'signFlip']);
    expect(cell('digital-core-mfg-va-growth')?.anomalies).toEqual([]);
    expect(cell('inefficient-firms-rectified')?.anomalies.map((a) => a.kind)).toEqual(['ytdDecrease']);
    expect(cell('inefficient-rectification-land-freed')?.anomalies.map((a) => a.kind)).toEqual(['jump']);
    expect(cell('inefficient-firms-rectified')?.anomalies[0]?.message).toContain('2023年第三季度');
    // Warnings, not rejections: every one of these cells would be saved.
    for (const id of [
      'industrial-value-added-growth',
      'manufacturing-investment-growth',
      'inefficient-firms-rectified',
      'inefficient-rectification-land-freed',
    ]) {
      expect(cell(id)?.status).toBe('changed');
    }
    expect(preview.totals.anomalies).toBe(5);

    const relaxed = await previewImport(ws, files, { anomalies: { rateJumpPoints: 20 } });
    expect(relaxed.files[0]?.cells.find((c) => c.indicatorId === 'industrial-value-added-growth')?.anomalies).toEqual(
      [],
    );
  });
});
