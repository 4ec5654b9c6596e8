import { Inflate } from 'fflate';

/**
 * Checks a returned file before any spreadsheet library touches it: size, the old binary formats,
 * encryption, and the zip container's directory. Parts are not inflated here: only the few parts a
 * fill-in form is read from are, each with its own cap (xlsx-reduce.ts), so a file stuffed with
 * unreferenced parts costs nothing, and a zip bomb is never inflated past its cap.
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
/** Deflated XML rarely exceeds 1:100; 1:200 for parts over 1 MB leaves room and still stops bombs. */
const MAX_RATIO = 200;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;
const MAX_ENTRIES = 10_000;
const INFLATE_CHUNK = 64 * 1024;

export type GuardResult = { ok: true; entries: ZipEntry[] } | { ok: false; message: string };

const OLE2_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

export function mb(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

/** The central directory, or a reason in Chinese. Sizes are as declared: verified later by inflating. */
function readCentralDirectory(bytes: Buffer): ZipEntry[] | string {
  const searchFrom = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= searchFrom; i--) {
    if (bytes.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return '压缩包结构不完整（文件可能没有下载或复制完整）';
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff) return '文件使用了 ZIP64 大文件格式，填报表不会这么大';
  if (count > MAX_ENTRIES) return `文件包含 ${count} 个部件，远多于工作簿应有的数量`;
  if (offset + size > end) return '压缩包目录损坏';
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== ZIP_CENTRAL) return '压缩包目录损坏';
    const nameLength = bytes.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      flags: bytes.readUInt16LE(p + 8),
      method: bytes.readUInt16LE(p + 10),
      compressedSize: bytes.readUInt32LE(p + 20),
      uncompressedSize: bytes.readUInt32LE(p + 24),
      localOffset: bytes.readUInt32LE(p + 42),
      name: bytes.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff)
      return '文件使用了 ZIP64 大文件格式，填报表不会这么大';
    entries.push(entry);
    p += 46 + nameLength + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
  return entries;
}

export type Inflated = { ok: true; data: Buffer } | { ok: false; message: string; overCap?: true };

/**
 * Inflates one entry, keeping at most `cap` bytes: a part that inflates beyond what it declared, or
 * beyond the cap, is stopped as soon as it does (the reason in Chinese, naming the part).
 */
export function inflateEntry(bytes: Buffer, entry: ZipEntry, cap: number): Inflated {
  const broken = (why: string): Inflated => ({ ok: false, message: `部件“${entry.name}”${why}` });
  const p = entry.localOffset;
  if (p + 30 > bytes.length || bytes.readUInt32LE(p) !== ZIP_LOCAL) return broken('的位置不对，压缩包已损坏');
  const start = p + 30 + bytes.readUInt16LE(p + 26) + bytes.readUInt16LE(p + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return broken('不完整，压缩包已损坏');
  const overCap: Inflated = { ok: false, overCap: true, message: `部件“${entry.name}”超过 ${mb(cap)} MB` };
  if (entry.method === 0) return data.length > cap ? overCap : { ok: true, data: Buffer.from(data) };
  if (entry.method !== 8) return broken(`使用了不支持的压缩方式（${entry.method}）`);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const limit = Math.min(cap, entry.uncompressedSize);
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced <= limit) chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length && produced <= limit; i += INFLATE_CHUNK) {
      inflate.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    }
  } catch {
    return broken('无法解压，压缩包已损坏');
  }
  if (produced > entry.uncompressedSize)
    return broken('实际解压大小超过声明的大小，文件被篡改或疑似“压缩炸弹”，不予读取');
  if (produced > cap) return overCap;
  return { ok: true, data: Buffer.concat(chunks) };
}

function checkZip(bytes: Buffer): GuardResult {
  const entries = readCentralDirectory(bytes);
  if (typeof entries === 'string') return { ok: false, message: `不是有效的 .xlsx 文件：${entries}` };
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml') || !names.has('xl/workbook.xml')) {
    if (names.has('mimetype') && [...names].some((n) => n === 'content.xml')) {
      return {
        ok: false,
        message: '是 OpenDocument（.ods）表格，不是 .xlsx。请在 WPS 或 Excel 中“另存为”Excel 工作簿（.xlsx）后再导入',
      };
    }
    if (names.has('word/document.xml'))
      return { ok: false, message: '是 Word 文档，不是 Excel 工作簿。请选择发回的填报表（.xlsx）' };
    return { ok: false, message: '是一个压缩包，但不是 Excel 工作簿（.xlsx）。请选择发回的填报表' };
  }
  if (entries.some((e) => (e.flags & 1) === 1)) return { ok: false, message: '压缩包内容已加密，无法读取' };
  const declared = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  if (declared > MAX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      message: `解压后将达 ${mb(declared)} MB（超过 ${mb(MAX_UNCOMPRESSED_BYTES)} MB 上限），疑似“压缩炸弹”，不予读取`,
    };
  }
  const bomb = entries.find(
    (e) => e.uncompressedSize > RATIO_CHECK_FROM_BYTES && e.uncompressedSize > e.compressedSize * MAX_RATIO,
  );
  if (bomb)
    return {
      ok: false,
      message: `部件“${bomb.name}”压缩比异常（${mb(bomb.compressedSize)} MB 解压为 ${mb(bomb.uncompressedSize)} MB），疑似“压缩炸弹”，不予读取`,
    };
  return { ok: true, entries };
}

/** Whether an OLE2 compound file holds an encrypted OOXML package (its streams are named in UTF-16LE). */
function isEncryptedPackage(bytes: Buffer): boolean {
  return (
    bytes.includes(Buffer.from('EncryptionInfo', 'utf16le')) ||
    bytes.includes(Buffer.from('EncryptedPackage', 'utf16le'))
  );
}

export function tooLargeMessage(size: number): string {
  return `大小为 ${mb(size)} MB，超过 ${MAX_FILE_BYTES / 1048576} MB 上限，不像是填报表。请确认选择了正确的文件`;
}

/** The first check of every file: a Chinese reason (without the file name) when it cannot be a form. */
export function guardFile(bytes: Buffer): GuardResult {
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, message: tooLargeMessage(bytes.length) };
  if (bytes.length === 0)
    return {
      ok: false,
      message: '是空文件（0 字节），可能没有保存或传输完整。请重新保存该文件，区县发来的请让区县重新发送',
    };
  if (bytes.subarray(0, 8).equals(OLE2_SIGNATURE)) {
    if (isEncryptedPackage(bytes)) {
      return {
        ok: false,
        message:
          '设置了打开密码（文件已加密），程序无法读取。请在 Excel 或 WPS 中打开并取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密，清空密码），保存后再导入',
      };
    }
    return {
      ok: false,
      message:
        '是旧版 Excel 97-2003 格式（.xls 或 WPS .et），程序无法读取。请在 Excel 或 WPS 中打开，“另存为”Excel 工作簿（.xlsx）后再导入',
    };
  }
  if (bytes.length < 22 || bytes.readUInt32LE(0) !== ZIP_LOCAL) {
    return {
      ok: false,
      message: '不是 Excel 工作簿（.xlsx），也不是能识别的表格文件，无法读取。请选择区县发回的填报表',
    };
  }
  return checkZip(bytes);
}
