import { deflateRawSync, crc32 } from 'node:zlib';
import { strToU8, unzipSync } from 'fflate';

type Zippable = Record<string, Uint8Array>;

/**
 * Hostile returned files, every one at most 20 MB: what a broken tool, a prank or an attacker could send
 * instead of a fill-in form. Each is built from a genuine signed form, so a file is refused for what it
 * adds and nothing else. Shared by tests/node/import/hostile.test.ts (what happens to each) and
 * bench/import-hostile.bench.ts (how long each takes and how much memory).
 */
export interface HostileFile {
  name: string;
  bytes: Buffer;
  /** What the importer must do: refuse with a message matching, or read the form. */
  outcome: { refused: RegExp } | { accepted: true };
}

const FORM_SHEET = 'xl/worksheets/sheet1.xml';
const META_SHEET = 'xl/worksheets/sheet2.xml';
const LIMIT = 20 * 1024 * 1024;

/** Deterministic pseudo-random bytes (a fixed LCG), so the corpus is the same on every run. */
function noise(length: number, seed: number, alphabet: string): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed >>> 0;
  for (let i = 0; i < length; i++) {
    s = (s * 1664525 + 1013904223) >>> 0;
    out[i] = alphabet.charCodeAt((s >>> 24) % alphabet.length);
  }
  return out;
}

const deflated = new WeakMap<Uint8Array, Buffer>();

/**
 * A zip of these parts, deflated with node's zlib (level 0 stores). A part object used under several
 * names is deflated once: the corpus is built in seconds, not minutes.
 */
function pack(parts: Zippable, level: 0 | 1 | 6 | 9 = 6): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, raw] of Object.entries(parts)) {
    const nameBytes = Buffer.from(name, 'utf8');
    let data = level === 0 ? Buffer.from(raw) : deflated.get(raw);
    if (!data) {
      data = deflateRawSync(raw, { level });
      deflated.set(raw, data);
    }
    const crc = crc32(raw);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6);
    header.writeUInt16LE(level === 0 ? 0 : 8, 8);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(raw.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(level === 0 ? 0 : 8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(raw.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, data);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length / 2, 8);
  end.writeUInt16LE(central.length / 2, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  const bytes = Buffer.concat([...local, directory, end]);
  if (bytes.length > LIMIT) throw new Error(`hostile file over 20 MB: ${bytes.length}`);
  return bytes;
}

/** The sheet XML with `extra` inserted just before </sheetData> (more rows) or after it (other elements). */
function withRows(xml: string, rows: string): string {
  return xml.replace('</sheetData>', `${rows}</sheetData>`);
}

function afterSheetData(xml: string, extra: string): string {
  return xml.replace('</sheetData>', `</sheetData>${extra}`);
}

export function hostileCorpus(genuine: Buffer): HostileFile[] {
  const parts = unzipSync(genuine);
  const text = (name: string) => Buffer.from(parts[name]!).toString('utf8');
  const withPart = (name: string, data: string | Uint8Array, level: 0 | 1 | 6 | 9 = 6): Buffer =>
    pack({ ...parts, [name]: typeof data === 'string' ? strToU8(data) : data }, level);
  const files: HostileFile[] = [];
  const add = (name: string, bytes: Buffer, outcome: HostileFile['outcome']) => files.push({ name, bytes, outcome });

  // 160 unreferenced parts of 1 MB each (low-entropy noise: about 8:1, no bomb ratio), about 17 MB.
  const junk: Zippable = {};
  const megabyte = noise(1024 * 1024, 1, 'aaaaaaab');
  for (let i = 0; i < 160; i++) junk[`xl/media/unreferenced-${i}.bin`] = megabyte;
  add('160个无关部件.xlsx', pack({ ...parts, ...junk }), { accepted: true });

  // The _meta sheet with something in its last row: a meta of 1,048,576 rows to walk.
  add(
    '元数据末行.xlsx',
    withPart(
      META_SHEET,
      withRows(text(META_SHEET), '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>'),
    ),
    { refused: /第 1048576 行有内容，填报表不会这么长/ },
  );

  // 1.2 million cells in the form sheet.
  const many: string[] = [];
  for (let r = 200; r < 200 + 120_000; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${r + c}</v></c>`);
    many.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  add('一百二十万格.xlsx', withPart(FORM_SHEET, withRows(text(FORM_SHEET), many.join('')), 1), {
    refused: /工作表“填报表”（xl\/worksheets\/sheet1\.xml）超过 4\.0 MB|压缩比异常/,
  });

  // Just under the size cap but far over the cell cap: 100,000 tiny cells.
  const tiny: string[] = [];
  for (let r = 200; r < 200 + 4_000; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 25; c++) cells.push(`<c><v>1</v></c>`);
    tiny.push(`<row>${cells.join('')}</row>`);
  }
  add('十万小格.xlsx', withPart(FORM_SHEET, withRows(text(FORM_SHEET), tiny.join(''))), {
    refused: /个单元格，远多于填报表应有的数量/,
  });

  // A million shared strings.
  const strings = Array.from({ length: 1_000_000 }, (_, i) => `<si><t>${i}</t></si>`).join('');
  add(
    '百万文字.xlsx',
    withPart(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${strings}</sst>`,
      1,
    ),
    { refused: /文字表（xl\/sharedStrings\.xml）超过 4\.0 MB|压缩比异常/ },
  );

  // 30,000 short shared strings: under the byte cap, over the count cap.
  const count = Array.from({ length: 30_000 }, (_, i) => `<si><t>${i % 10}</t></si>`).join('');
  add(
    '三万文字.xlsx',
    withPart(
      'xl/sharedStrings.xml',
      `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${count}</sst>`,
    ),
    { refused: /文件中有 \d+ 段文字，远多于填报表应有的数量/ },
  );

  // A styles part of 200,000 cell formats.
  const xfs = Array.from(
    { length: 200_000 },
    () => '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ).join('');
  add(
    '二十万样式.xlsx',
    withPart(
      'xl/styles.xml',
      text('xl/styles.xml').replace(/<cellXfs[^>]*>/, (m) => `${m}${xfs}`),
      1,
    ),
    { refused: /样式表（xl\/styles\.xml）超过 2\.0 MB|压缩比异常/ },
  );

  // 5,000 sheets named in the workbook.
  const sheets = Array.from({ length: 5_000 }, (_, i) => `<sheet name="s${i}" sheetId="${i + 10}" r:id="rId4"/>`).join(
    '',
  );
  add(
    '五千工作表.xlsx',
    withPart('xl/workbook.xml', text('xl/workbook.xml').replace('</sheets>', `${sheets}</sheets>`)),
    {
      refused: /个工作表，远多于填报表应有的数量/,
    },
  );

  // 100,000 merged cells.
  const merges = Array.from({ length: 100_000 }, (_, i) => `<mergeCell ref="H${i + 1}:I${i + 1}"/>`).join('');
  add(
    '十万合并.xlsx',
    withPart(
      FORM_SHEET,
      afterSheetData(
        text(FORM_SHEET).replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>/, ''),
        `<mergeCells count="100000">${merges}</mergeCells>`,
      ),
      1,
    ),
    {
      refused: /合并单元格|超过 4\.0 MB|压缩比异常/,
    },
  );

  // Data validations and conditional formats piled after the cell data (2.5 MB).
  const rules = Array.from(
    { length: 40_000 },
    (_, i) =>
      `<conditionalFormatting sqref="J${i + 1}"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting>`,
  ).join('');
  add('格式规则堆.xlsx', withPart(FORM_SHEET, afterSheetData(text(FORM_SHEET), rules), 1), {
    refused: /附带的格式、批注等内容过多|超过 4\.0 MB|压缩比异常/,
  });

  // Elements nested 200,000 deep after the cells.
  add(
    '深层嵌套.xlsx',
    withPart(FORM_SHEET, afterSheetData(text(FORM_SHEET), '<extLst>'.repeat(200_000) + '</extLst>'.repeat(200_000)), 1),
    {
      refused: /附带的格式、批注等内容过多|超过 4\.0 MB|压缩比异常/,
    },
  );

  // One 3 MB note in a shared string (under every cap): read, the note refused by the form's own rule.
  const hanzi = '统计数据指标增长完成目标区县全市工业投资产业经济';
  const note = Array.from(noise(1_000_000, 11, 'abcdefghijklmnopqrstuvwx'), (b) => hanzi[b - 97]).join('');
  const sst = text('xl/sharedStrings.xml').replace('</sst>', `<si><t>${note}</t></si></sst>`);
  add('三兆备注.xlsx', withPart('xl/sharedStrings.xml', sst), { accepted: true });

  // A genuine form with a 15 MB picture of noise beside it (never read).
  add('附带大图.xlsx', pack({ ...parts, 'xl/media/image1.png': noise(15 * 1024 * 1024, 7, 'ab') }, 1), {
    accepted: true,
  });

  // 20 MB of incompressible bytes in a valid zip: not a workbook at all.
  add('二十兆随机.xlsx', pack({ 'data.bin': noise(LIMIT - 1024, 3, 'abcdefghijklmnopqrstuvwxyz0123456789') }, 0), {
    refused: /是一个压缩包，但不是 Excel 工作簿/,
  });

  // A zip bomb: 64 MB of zeros in a few KB.
  add('压缩炸弹.xlsx', pack({ ...parts, 'xl/media/bomb.bin': new Uint8Array(64 * 1024 * 1024) }, 1), {
    refused: /压缩比异常|压缩炸弹/,
  });

  // A form sheet at the caps: 19,000 cells over 1,900 rows.
  const full: string[] = [];
  for (let r = 300; r < 300 + 1_900; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) cells.push(`<c r="${String.fromCharCode(70 + c)}${r}"><v>${r * c}</v></c>`);
    full.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  add('满额表格.xlsx', withPart(FORM_SHEET, withRows(text(FORM_SHEET), full.join(''))), { accepted: true });

  return files;
}
