import type { z } from 'zod';

/** Chinese names of the JSON types zod reports, so messages read naturally to office staff. */
const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  boolean: '是/否',
  object: '对象',
  array: '列表',
  undefined: '空（缺少此项）',
  null: '空值',
  int: '整数',
  bigint: '整数',
  date: '日期',
  nan: '非数字',
  record: '键值对象',
  map: '键值对象',
  set: '集合',
  tuple: '列表',
  symbol: '符号',
  function: '函数',
  promise: '异步结果',
  file: '文件',
  void: '空',
  literal: '固定值',
  enum: '可选值之一',
};

/** A type's Chinese name; one zod may add later reads as a neutral word, never as English. */
function typeName(t: unknown): string {
  return TYPE_NAMES[String(t)] ?? '其他类型';
}

function describeInput(input: unknown): string {
  if (input === undefined) return '缺少此项';
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'number') return Number.isNaN(input) ? '非数字' : `数字 ${input}`;
  if (typeof input === 'string') return `文本“${input.length > 20 ? input.slice(0, 20) + '…' : input}”`;
  return typeName(typeof input);
}

/** Renders a zod path as `indicators[3].unit`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out || '（根）';
}

/** One Chinese sentence per zod issue. `input` is the value that was parsed, used to name what was found. */
export function issueToChinese(issue: z.core.$ZodIssue, input?: unknown): string {
  const at = formatPath(issue.path);
  const found = describeInput(valueAt(input, issue.path));
  // A schema's own Chinese message says it best.
  if (/[\u4e00-\u9fff]/.test(issue.message) && issue.code !== 'invalid_format') return `${at}：${issue.message}`;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'never') return `${at}：不应有此项`;
      if (valueAt(input, issue.path) === undefined) return `${at}：缺少必填项（应为${typeName(issue.expected)}）`;
      return `${at}：应为${typeName(issue.expected)}，实际为${found}`;
    case 'invalid_value':
      return `${at}：取值无效（${found}），可选值为 ${issue.values.map((v) => JSON.stringify(v)).join('、')}`;
    case 'unrecognized_keys':
      return `${at}：有不认识的字段 ${issue.keys.join('、')}，请删除或检查拼写`;
    case 'too_small':
      if (issue.origin === 'array') return `${at}：至少需要 ${String(issue.minimum)} 项`;
      if (issue.origin === 'string') return `${at}：不能为空`;
      return `${at}：不能小于 ${String(issue.minimum)}（实际为${found}）`;
    case 'too_big':
      if (issue.origin === 'array') return `${at}：最多 ${String(issue.maximum)} 项`;
      if (issue.origin === 'string') return `${at}：文本过长（最多 ${String(issue.maximum)} 字）`;
      return `${at}：不能大于 ${String(issue.maximum)}（实际为${found}）`;
    case 'invalid_format':
      return `${at}：格式不对（${found}）${issue.message && !/^Invalid/.test(issue.message) ? '，' + issue.message : ''}`;
    case 'invalid_union':
      return `${at}：取值无效（${found}）`;
    case 'invalid_key':
      return `${at}：键名无效`;
    case 'not_multiple_of':
      return `${at}：应为 ${String(issue.divisor)} 的倍数（实际为${found}）`;
    case 'invalid_element':
      return `${at}：其中有无效的项`;
    case 'custom':
      return `${at}：${/[\u4e00-\u9fff]/.test(issue.message) ? issue.message : '内容不符合要求'}`;
    default:
      return `${at}：内容不符合要求`;
  }
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}

export function zodErrorToChinese(error: z.ZodError, input?: unknown): string[] {
  return error.issues.map((i) => issueToChinese(i, input));
}
