import { crc32 } from 'node:zlib';
import { JournalEntrySchema, type JournalEntry } from '../../../shared/schemas/figures';

/**
 * A journal line is the entry's JSON, a tab, the CRC-32 of that JSON in hex, and a newline. A save is
 * acknowledged only after its whole line, newline included, is on disk; so the one thing a crash can
 * leave is a last line without its newline. A complete line that fails its check was acknowledged and
 * then damaged (bit rot, a hand edit): that is damage to report, never a torn write to cut off.
 */
export function encodeJournalEntry(entry: JournalEntry): string {
  const json = JSON.stringify(entry);
  return `${json}\t${crc32(json).toString(16).padStart(8, '0')}\n`;
}

export interface DecodedJournal {
  entries: JournalEntry[];
  /** Byte length of the complete lines; anything after it is an incomplete last line. */
  validBytes: number;
  /** Bytes after the last newline: a save that was never acknowledged (cut by a crash or still being written). */
  incompleteTailBytes: number;
  /** A complete line that fails its check: the file is damaged from this line (1-based) on. */
  corruptLine?: { line: number; reason: string };
}

function decodeLine(lineWithEnding: string): JournalEntry | string {
  // A line copied through a tool that writes CRLF still carries its own check: the CR is not part of it.
  const line = lineWithEnding.endsWith('\r') ? lineWithEnding.slice(0, -1) : lineWithEnding;
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
  const lastNewline = text.lastIndexOf('\n');
  const complete = text.slice(0, lastNewline + 1);
  const validBytes = Buffer.byteLength(complete);
  const incompleteTailBytes = Buffer.byteLength(text) - validBytes;
  let offset = 0;
  let lineNo = 0;
  while (offset < complete.length) {
    const end = complete.indexOf('\n', offset);
    lineNo++;
    const decoded = decodeLine(complete.slice(offset, end));
    if (typeof decoded === 'string')
      return { entries, validBytes, incompleteTailBytes, corruptLine: { line: lineNo, reason: decoded } };
    const previous = entries[entries.length - 1];
    if (previous && decoded.rev !== previous.rev + 1) {
      return {
        entries,
        validBytes,
        incompleteTailBytes,
        corruptLine: { line: lineNo, reason: `版本号不连续（${previous.rev} 之后是 ${decoded.rev}）` },
      };
    }
    entries.push(decoded);
    offset = end + 1;
  }
  return { entries, validBytes, incompleteTailBytes };
}
