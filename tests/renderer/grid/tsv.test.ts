import { describe, expect, it } from 'vitest';
import { formatTsv, parseTsv } from '../../../src/renderer/shared/tsv';

describe('TSV from Excel and WPS', () => {
  it('reads CRLF rows with the trailing line break Excel adds', () => {
    expect(parseTsv('12.5\t7.3\r\n8\t9.1\r\n')).toEqual([
      ['12.5', '7.3'],
      ['8', '9.1'],
    ]);
  });

  it('reads LF and lone CR line breaks, and keeps empty cells', () => {
    expect(parseTsv('1\t\t3\n4\t5\t6')).toEqual([
      ['1', '', '3'],
      ['4', '5', '6'],
    ]);
    expect(parseTsv('1\r2\r')).toEqual([['1'], ['2']]);
    expect(parseTsv('\t\r\n')).toEqual([['', '']]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    const text = '"第一行\r\n第二行"\t"含\t制表符"\t"他说""好"""\r\n5.2%\t／\t１２３\r\n';
    expect(parseTsv(text)).toEqual([
      ['第一行\r\n第二行', '含\t制表符', '他说"好"'],
      ['5.2%', '／', '１２３'],
    ]);
  });

  it('keeps a stray quote as text instead of swallowing the block', () => {
    expect(parseTsv('"12\t3\r\n4\t5')).toEqual([
      ['"12', '3'],
      ['4', '5'],
    ]);
    expect(parseTsv('"a" b\t1')).toEqual([['"a" b', '1']]);
  });

  it('pads ragged rows to a rectangle and treats an empty clipboard as no block', () => {
    expect(parseTsv('1\t2\t3\r\n4\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '', ''],
    ]);
    expect(parseTsv('')).toEqual([]);
  });

  it('writes what it reads, quoting only where Excel does', () => {
    const rows = [
      ['12.5', '', '/'],
      ['a\tb', 'x"y', '两行\n文字'],
    ];
    const text = formatTsv(rows);
    expect(text).toBe('12.5\t\t/\r\n"a\tb"\t"x""y"\t"两行\n文字"\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
