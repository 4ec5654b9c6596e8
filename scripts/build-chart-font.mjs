// Rebuilds assets/fonts/NotoSansSC-Chart.ttf, the CJK font the chart renderer ships with, so charts show
// Chinese on a PC without any CJK font (resvg draws only with the fonts it is given).
//
// Source: Noto Sans SC Regular (SIL Open Font License 1.1) from the npm package @expo-google-fonts/noto-sans-sc.
// Subset: ASCII, the GB 2312 character set (6763 hanzi and the symbols of rows 1–9: every character of an
// indicator, district or department name in these plans) and a few marks the charts print. 10.5 MB → ≈2.4 MB.
// Needs the npm registry; run it only when the font or the character set should change, then commit the file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const FONT_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const SUBSET_PACKAGE = 'subset-font@2.9.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'assets/fonts');

/** GB 2312 rows 1–9 (symbols) and 16–87 (hanzi), decoded through Node's GBK decoder. */
export function gb2312Characters() {
  const decoder = new TextDecoder('gbk');
  let chars = '';
  const rows = [...Array(9).keys()].map((i) => 0xa1 + i).concat([...Array(72).keys()].map((i) => 0xb0 + i));
  for (const hi of rows) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = decoder.decode(new Uint8Array([hi, lo]));
      if (c.length === 1 && c !== '\ufffd') chars += c;
    }
  }
  return chars;
}

function asciiAndMarks() {
  let chars = '';
  for (let i = 0x20; i < 0x7f; i++) chars += String.fromCharCode(i);
  return chars + '—‰℃％．，：；（）〔〕【】“”‘’、。《》…·±≤≥×÷';
}

const work = mkdtempSync(join(tmpdir(), 'chart-font-'));
try {
  execFileSync(
    'npm',
    ['install', '--prefix', work, '--no-save', '--no-audit', '--no-fund', FONT_PACKAGE, SUBSET_PACKAGE],
    {
      stdio: 'inherit',
    },
  );
  const pkg = join(work, 'node_modules/@expo-google-fonts/noto-sans-sc');
  const subsetFont = createRequire(join(work, 'package.json'))('subset-font');
  const source = readFileSync(join(pkg, '400Regular/NotoSansSC_400Regular.ttf'));
  const text = [...new Set(asciiAndMarks() + gb2312Characters())].join('');
  const subset = await subsetFont(source, text, { targetFormat: 'truetype' });
  writeFileSync(join(outDir, 'NotoSansSC-Chart.ttf'), subset);
  copyFileSync(join(pkg, 'LICENSE_FONT'), join(outDir, 'OFL.txt'));
  console.log(
    `${text.length} characters, ${(subset.length / 1024 / 1024).toFixed(2)} MB → assets/fonts/NotoSansSC-Chart.ttf`,
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
