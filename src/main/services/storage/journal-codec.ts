import { crc32 } from 'node:zlib';
import { JournalEntrySchema, type JournalEntry } from '../../../shared/schemas/figures';

/**
 * A journal line is the entry's JSON, a tab, and the CRC-32 of that JSON in hex.
 * A line whose CRC does not match was torn by a crash (if last) or damaged on disk (otherwise).
 */
export function encodeJournalEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json}\t${crc32(json).toString(16).padStart(8, '0')}\n`;
}

export interface DecodedJournal {
  entries: JournalEntry[];
  /** Byte length of the well-formed prefix; anything after it is a torn last write. */
  validBytes: number;
  /** The last line was incomplete or failed its check: an unacknowledged write cut by a crash. */
  tornTail: boolean;
  /** A damaged line before the end: the file is corrupt from this line (1-based) on. */
  corruptLine?: { line: number; reason: string };
}

function decodeLine(line: string): JournalEntry | string {
  const tab = line.lastIndexOf('\t');
  if (tab < 0) return '缺少校验码';
  const json = line.slice(0, tab);
  const crc = line.slice(tab + 1);
  if (crc32(json).toString(16).padStart(8, '0') !== crc) return '校验码不符';
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return '不是有效的 JSON';
  }
  const parsed = JournalEntrySchema.safeParse(value);
  return parsed.success ? parsed.data : '内容格式不对';
}

export function decodeJournal(text: string): DecodedJournal {
  const entries: JournalEntry[] = [];
  let offset = 0;
  let lineNo = 0;
  while (offset < text.length) {
    const end = text.indexOf('\n', offset);
    lineNo++;
    if (end < 0) {
      // No newline: the write of this line never completed.
      return { entries, validBytes: Buffer.byteLength(text.slice(0, offset)), tornTail: true };
    }
    const decoded = decodeLine(text.slice(offset, end));
    const isLast = end === text.length - 1;
    if (typeof decoded === 'string') {
      if (isLast) return { entries, validBytes: Buffer.byteLength(text.slice(0, offset)), tornTail: true };
      return {
        entries,
        validBytes: Buffer.byteLength(text.slice(0, offset)),
        tornTail: false,
        corruptLine: { line: lineNo, reason: decoded },
      };
    }
    const previous = entries[entries.length - 1];
    if (previous && decoded.rev !== previous.rev + 1) {
      return {
        entries,
        validBytes: Buffer.byteLength(text.slice(0, offset)),
        tornTail: false,
        corruptLine: { line: lineNo, reason: `版本号不连续（${previous.rev} 之后是 ${decoded.rev}）` },
      };
    }
    entries.push(decoded);
    offset = end + 1;
  }
  return { entries, validBytes: Buffer.byteLength(text), tornTail: false };
}
