import type { FiguresImportPreview, SystemImportPreview, TableMessage } from '../../shared/table-import/types';
import { DIRECTION_NAMES, FREQUENCY_NAMES, KIND_NAMES, roleLabel } from '../../shared/table-import/vocabulary';
import type { CliIo } from '../command';

const SEVERITY: Record<TableMessage['severity'], string> = { error: '错误', warning: '提示', info: '说明' };

function printMessages(io: CliIo, messages: TableMessage[], showInfo = false): void {
  for (const m of messages) if (m.severity !== 'info' || showInfo) io.out(`  ${SEVERITY[m.severity]}  ${m.text}\n`);
}

/** The preview of 从表格新建 as text: mapping, rows as stored, messages. */
export function printSystemPreview(io: CliIo, p: SystemImportPreview, applied: boolean): void {
  const t = p.table;
  io.out(
    `${applied ? '已导入' : '导入预览（未写入任何数据）'}：${p.source} 工作表“${t.sheet}”${t.title ? `，表名“${t.title}”` : ''}\n`,
  );
  if (p.sheets.length > 1)
    io.out(
      `工作表：${p.sheets.map((s) => `${s.name}${s.table ? '' : '（无目标表）'}`).join('、')}（用 --sheet 选择）\n`,
    );
  if (t.columns.length) {
    io.out(
      `表头在第 ${t.headerRows[0]}${t.headerRows[1] > t.headerRows[0] ? `—${t.headerRows[1]}` : ''} 行；各列的含义：\n`,
    );
    for (const c of t.columns)
      if (c.header || c.role.role !== 'ignore')
        io.out(`  ${c.letter}  ${c.header || '（空）'} → ${roleLabel(c.role)}（${c.reason}）\n`);
  }
  printMessages(io, t.messages);
  for (const r of t.rows) {
    const targets = Object.entries(r.targets)
      .map(([y, v]) => `${y}年 ${String(v.value)}${v.meaning ? `（${v.meaning}）` : v.manual ? '（需人工判断）' : ''}`)
      .join('；');
    const regions = Object.entries(r.regionTargets)
      .map(
        ([y, byRegion]) =>
          `${y}年分区县 ${Object.entries(byRegion)
            .map(([k, v]) => `${k} ${String(v.value)}`)
            .join('、')}`,
      )
      .join('；');
    io.out(
      `${r.include ? '  ' : '  [不导入] '}第${r.row}行 ${r.category ? `[${r.category}] ` : ''}${r.markers.join('')}${r.name}（${r.unit || '无单位'}）${KIND_NAMES[r.kind.value]}、${DIRECTION_NAMES[r.direction.value]}、${r.decimals.value}位小数、${FREQUENCY_NAMES[r.frequency.value]}  ${targets}${regions ? `  ${regions}` : ''}\n`,
    );
    printMessages(io, r.messages);
  }
  const c = p.counts;
  io.out(`共 ${c.rows} 行，导入 ${c.included} 行；错误 ${c.errors} 处，提示 ${c.warnings} 处。\n`);
  if (p.system && !applied) io.out(`确认无误后加 --apply 保存为指标体系“${p.system.title}”（编号 ${p.system.id}）。\n`);
}

/** The preview of 导入历史数据 as text. */
export function printFiguresPreview(io: CliIo, p: FiguresImportPreview, applied: boolean): void {
  io.out(`${applied ? '导入' : '导入预览（未写入任何数据）'}：${p.source}${p.sample ? '（示例数据工作区）' : ''}\n`);
  for (const b of p.blocks)
    io.out(
      `  工作表“${b.sheet}”第 ${b.headerRow}—${b.lastRow} 行：${b.layout === 'wide' ? `宽表，统计期 ${b.periodTitle ?? '未知'}（${b.periodReason}）` : '长表（期别/指标/地区/数值）'}\n`,
    );
  printMessages(io, p.messages);
  for (const m of p.matched)
    io.out(`  匹配  “${m.name}” → ${m.targets.map((t) => `${t.systemTitle}：${t.name}`).join('；')}\n`);
  for (const u of p.unmatched)
    io.out(
      `  未匹配  “${u.name}”（${u.cells.join('、')}）${u.suggestions.length ? `，是否为：${u.suggestions.map((s) => `${s.name}（${s.systemTitle}）`).join('、')}` : ''}\n`,
    );
  // A name matched in several systems is written to each: one line per cell, with the count.
  const lines = new Map<string, { text: string; n: number }>();
  for (const c of p.cells) {
    const text =
      c.status === 'changed'
        ? `  变化  ${c.sheet}!${c.cell} ${c.region} ${c.indicatorName} ${c.period ?? ''}：${c.old === null ? '（空）' : String(c.old)} → ${String(c.new)}`
        : c.status === 'rejected'
          ? `  拒绝  ${c.message ?? ''}`
          : null;
    if (text === null) continue;
    const line = lines.get(text) ?? { text, n: 0 };
    line.n++;
    lines.set(text, line);
  }
  for (const l of lines.values()) io.out(`${l.text}${l.n > 1 ? `（${l.n} 个体系）` : ''}\n`);
  for (const per of p.periods)
    io.out(
      `  ${per.title}（${per.period}）：变化 ${per.changed} 项，未变 ${per.unchanged} 项，拒绝 ${per.rejected} 项\n`,
    );
  const t = p.totals;
  io.out(
    `合计：变化 ${t.changed} 项，未变 ${t.unchanged} 项，拒绝 ${t.rejected} 项，重复 ${t.duplicate} 项；未匹配的指标名称 ${p.unmatched.length} 个。\n`,
  );
}
