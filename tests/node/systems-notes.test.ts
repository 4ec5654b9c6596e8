import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isTranscriptionNote, splitIndicatorNotes } from '../../src/shared/systems/notes';
import { PROJECT_ROOT } from '../support/project';

const templateNotes = readdirSync(join(PROJECT_ROOT, 'templates/systems'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => {
    const system = JSON.parse(readFileSync(join(PROJECT_ROOT, 'templates/systems', f), 'utf8')) as {
      indicators: { notes?: string[] }[];
    };
    return system.indicators.flatMap((i) => i.notes ?? []);
  });

describe('indicator notes: 说明 for clerks, 转录记录 folded away', () => {
  it('sorts examples from the shipped templates', () => {
    expect(
      splitIndicatorNotes([
        '原文为“力争”目标',
        '按季报送、年内累计',
        '原文“3个平台建成省高能级战略平台”（第199行）未写明年份或期限，未填入分年目标，待专班确认适用年份后在工作区填写',
        '存量（达到规模的集群个数），ytd 取 false',
        '名称在种子中断成两行（第466、468行），目标在第470行；已连接',
        '原表“类别”为合并单元格，抓取后本行单元格左移一格，按上行类别“产业生态”读取',
        '降低率越大越好（direction higher）',
        '单位GDP能耗下降率按省考核口径',
      ]),
    ).toEqual({
      forClerks: ['原文为“力争”目标', '按季报送、年内累计', '单位GDP能耗下降率按省考核口径'],
      transcription: [
        '原文“3个平台建成省高能级战略平台”（第199行）未写明年份或期限，未填入分年目标，待专班确认适用年份后在工作区填写',
        '存量（达到规模的集群个数），ytd 取 false',
        '名称在种子中断成两行（第466、468行），目标在第470行；已连接',
        '原表“类别”为合并单元格，抓取后本行单元格左移一格，按上行类别“产业生态”读取',
        '降低率越大越好（direction higher）',
      ],
    });
  });

  it('never shows a clerk a field name, a file name or a line number from any shipped template', () => {
    const { forClerks, transcription } = splitIndicatorNotes(templateNotes);
    expect(templateNotes.length).toBeGreaterThan(900);
    for (const n of forClerks) {
      expect(n.replace(/GDP|PM2\.5|R&D|CPI|PPI|AAA|ESG|5G|IPv6|AI/g, '')).not.toMatch(/[a-zA-Z]{3,}|第\s*\d+\s*行/);
    }
    // Both kinds occur: the split is not all-or-nothing.
    expect(forClerks.length).toBeGreaterThan(100);
    expect(transcription.length).toBeGreaterThan(100);
    console.log(`template notes: ${forClerks.length} 说明, ${transcription.length} 转录记录`);
    expect(isTranscriptionNote('发布精度取2位')).toBe(true);
  });
});
