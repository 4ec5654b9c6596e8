import { bodyChecks, mastheadCheck, redRuleCheck } from './checks-body';
import { footerChecks, pageChecks } from './checks-page';
import { endBlockChecks, tableChecks } from './checks-tables';
import { textChecks } from './checks-text';
import { contentChecks } from './checks-content';
import { contextOf, item, type CheckContext } from './context';
import { readDocument } from './document-view';
import { NotADocxError, openDocx } from './package';
import { withPlainWords } from './plain-words';
import type { CheckExpectations, CheckItem } from './types';

export type { CheckExpectations, CheckItem } from './types';

const GROUPS: [string, (c: CheckContext) => (CheckItem | undefined)[]][] = [
  ['版面', pageChecks],
  ['正文', bodyChecks],
  ['版头', (c) => [redRuleCheck(c), mastheadCheck(c)]],
  ['页码', footerChecks],
  ['表格', tableChecks],
  ['版记', endBlockChecks],
  ['文字', textChecks],
  ['内容', contentChecks],
];

/**
 * Checks a .docx against the official layout (GB/T 9704 page, fonts, sizes, line pitch, page numbers, tables,
 * 版记, number and date wording). Works on any file: a foreign document gets failed items with what was found,
 * a file that is not a .docx gets one failed item saying so. Never throws.
 */
export async function checkBriefingDocx(
  buffer: Buffer | Uint8Array,
  expect: CheckExpectations = {},
): Promise<CheckItem[]> {
  let context: CheckContext;
  try {
    const pkg = openDocx(buffer);
    context = contextOf(pkg, readDocument(pkg), expect);
  } catch (e) {
    const reason =
      e instanceof NotADocxError ? e.message : `无法读取文档内容（${e instanceof Error ? e.message : String(e)}）`;
    return [item('docx-valid', '文件格式', false, reason, '有效的 .docx（Word 文档）文件')];
  }
  const items: CheckItem[] = [];
  for (const [group, run] of GROUPS) {
    try {
      for (const i of run(context)) if (i) items.push(i);
    } catch (e) {
      items.push(
        item(
          `error-${group}`,
          `${group}检查`,
          false,
          `检查时出错：${e instanceof Error ? e.message : String(e)}`,
          '能够完成检查',
          group === '内容' ? '内容' : '格式',
        ),
      );
    }
  }
  return withPlainWords(items, context);
}
