import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { FontCheckItem } from '../../../shared/api-types';

const run = promisify(execFile);

/** The official fonts, the files Windows installs them as, and what Word/WPS use when one is missing. */
const OFFICIAL_FONTS: { family: string; role: string; files: string[]; fallback: string }[] = [
  {
    family: '仿宋_GB2312',
    role: '正文',
    files: ['仿宋_GB2312.ttf', 'FS_GB2312.ttf', 'SIMFANG_GB2312.TTF'],
    fallback: '仿宋（simfang.ttf，字形略有差异）',
  },
  {
    family: '方正小标宋简体',
    role: '标题、报头',
    files: ['方正小标宋简体.ttf', 'FZXBSJW.TTF', 'FZXBSK.TTF'],
    fallback: '宋体（标题会变细，报头不够醒目）',
  },
  { family: '黑体', role: '一级标题', files: ['simhei.ttf', 'SIMHEI.TTF'], fallback: '等线或微软雅黑' },
  {
    family: '楷体_GB2312',
    role: '二级标题',
    files: ['楷体_GB2312.ttf', 'KAI_GB2312.ttf', 'SIMKAI_GB2312.TTF'],
    fallback: '楷体（simkai.ttf）',
  },
  { family: '宋体', role: '页码', files: ['simsun.ttc', 'SIMSUN.TTC'], fallback: '新宋体' },
  {
    family: 'Times New Roman',
    role: '数字和西文',
    files: ['times.ttf', 'TIMES.TTF'],
    fallback: 'Liberation Serif 等同宽字体',
  },
];

async function linuxFamilies(): Promise<Set<string>> {
  try {
    const { stdout } = await run('fc-list', [':', 'family'], { maxBuffer: 8 * 1024 * 1024 });
    return new Set(
      stdout
        .split('\n')
        .flatMap((line) => line.split(',').map((f) => f.trim()))
        .filter(Boolean),
    );
  } catch {
    return new Set();
  }
}

function windowsFontDirs(): string[] {
  const dirs = [join(process.env['WINDIR'] ?? 'C:\\Windows', 'Fonts')];
  if (process.env['LOCALAPPDATA']) dirs.push(join(process.env['LOCALAPPDATA'], 'Microsoft', 'Windows', 'Fonts'));
  return dirs;
}

/** Whether each official font is installed on this computer, and what would be used instead. */
export async function checkOfficialFonts(platform = process.platform): Promise<FontCheckItem[]> {
  if (platform === 'win32') {
    const dirs = windowsFontDirs();
    return OFFICIAL_FONTS.map((f) => {
      const installed = f.files.some((file) => dirs.some((d) => existsSync(join(d, file))));
      return { family: f.family, role: f.role, installed, ...(installed ? {} : { substitute: f.fallback }) };
    });
  }
  const families = await linuxFamilies();
  return OFFICIAL_FONTS.map((f) => {
    const installed = families.has(f.family);
    const stand =
      f.family === 'Times New Roman'
        ? families.has('Liberation Serif')
          ? 'Liberation Serif（与 Times New Roman 等宽）'
          : '系统默认西文衬线'
        : families.has('Noto Serif CJK SC')
          ? 'Noto Serif CJK SC 等'
          : '系统默认';
    return {
      family: f.family,
      role: f.role,
      installed,
      ...(installed
        ? {}
        : {
            substitute: `本机缺少，预览和 PDF 将用${stand}字体代替；在装有该字体的 Windows 电脑上用 Word/WPS 打开时显示正常`,
          }),
    };
  });
}
