import { describe, expect, it } from 'vitest';
import { balanceTitle } from '../../../src/shared/report/build';
import { emWidth } from '../../../src/shared/report/layout-text';

/** Characters of a 2号 title per line in the 156 mm type area (442 pt ÷ 22 pt). */
const ROOM = 20.05;

describe('title lines', () => {
  it('sets the full-width 一字线 beside digits without the ¼ em a Chinese character gets', () => {
    expect(emWidth('1—9月')).toBe(0.5 + 1 + 0.5 + 0.25 + 1);
    expect(emWidth('“2023”')).toBe(1 + 2 + 1);
  });

  it('keeps a title that fits on one line whole', () => {
    expect(balanceTitle(['2023年1—9月', '工业', '主要指标运行情况'])).toBe('2023年1—9月工业主要指标运行情况');
  });

  it('breaks between parts into the fewest lines, each within the line, choosing the most even break', () => {
    const title = balanceTitle(['关于', '2023年1—9月工业经济', '主要指标进展情况的通报']);
    const lines = title.split('\n');
    expect(lines).toEqual(['关于2023年1—9月工业经济', '主要指标进展情况的通报']);
    for (const line of lines) expect(emWidth(line)).toBeLessThanOrEqual(ROOM);
  });

  it('uses three lines only when two cannot hold the parts, never leaving one character alone', () => {
    // 6.5 + 14 ems: the period and the 工程 name together overflow a line by half a character.
    const parts = ['2023年1—9月', '湖州市先进制造业集群培育工程', '主要指标运行情况'];
    const lines = balanceTitle(parts).split('\n');
    expect(lines).toEqual(parts);
    expect(lines.join('')).toBe(parts.join(''));
    for (const line of lines) {
      expect(emWidth(line)).toBeLessThanOrEqual(ROOM);
      expect(line.length).toBeGreaterThan(1);
    }
  });

  it('breaks a part too long for any line inside, into even lines', () => {
    const long = '湖州市'.repeat(9);
    const lines = balanceTitle([long, '简报']).split('\n');
    expect(lines.join('')).toBe(`${long}简报`);
    const widths = lines.map(emWidth);
    expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(3);
  });
});
