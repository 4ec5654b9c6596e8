/**
 * A small, tolerant XML reader for the parts of a .docx: elements, attributes and text, nothing else (no DTDs,
 * no namespaces resolution: names keep their prefixes as written, which is how WordprocessingML is always written).
 */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  /** Text directly inside the element (concatenated). */
  text: string;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (m, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

const ATTR = /([^\s=/>]+)\s*=\s*("([^"]*)"|'([^']*)')/g;

/** Parses an XML document; throws an Error with a Chinese message on malformed input. */
export function parseXml(source: string): XmlNode {
  const root: XmlNode = { name: '#document', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  let i = 0;
  const n = source.length;
  while (i < n) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1]!;
    if (lt < 0) {
      top.text += decode(source.slice(i));
      break;
    }
    if (lt > i) top.text += decode(source.slice(i, lt));
    if (source.startsWith('<!--', lt)) {
      const end = source.indexOf('-->', lt + 4);
      if (end < 0) throw new Error('XML 注释没有结束');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const end = source.indexOf(']]>', lt + 9);
      if (end < 0) throw new Error('XML CDATA 没有结束');
      top.text += source.slice(lt + 9, end);
      i = end + 3;
    } else if (source.startsWith('<?', lt) || source.startsWith('<!', lt)) {
      const end = source.indexOf('>', lt + 2);
      if (end < 0) throw new Error('XML 声明没有结束');
      i = end + 1;
    } else if (source.startsWith('</', lt)) {
      const end = source.indexOf('>', lt + 2);
      if (end < 0) throw new Error('XML 结束标记不完整');
      const name = source.slice(lt + 2, end).trim();
      const open = stack.pop();
      if (!open || open.name !== name) throw new Error(`XML 标记不匹配：<${open?.name ?? '?'}> 与 </${name}>`);
      i = end + 1;
    } else {
      let end = lt + 1;
      let quote = '';
      for (; end < n; end++) {
        const ch = source[end]!;
        if (quote) {
          if (ch === quote) quote = '';
        } else if (ch === '"' || ch === "'") quote = ch;
        else if (ch === '>') break;
      }
      if (end >= n) throw new Error('XML 开始标记不完整');
      const selfClosing = source[end - 1] === '/';
      const body = source.slice(lt + 1, selfClosing ? end - 1 : end);
      const space = body.search(/\s/);
      const name = space < 0 ? body : body.slice(0, space);
      const node: XmlNode = { name, attrs: {}, children: [], text: '' };
      if (space >= 0) {
        for (const m of body.slice(space).matchAll(ATTR)) node.attrs[m[1]!] = decode(m[3] ?? m[4] ?? '');
      }
      top.children.push(node);
      if (!selfClosing) stack.push(node);
      i = end + 1;
    }
  }
  if (stack.length !== 1) throw new Error(`XML 元素 <${stack[stack.length - 1]!.name}> 没有结束`);
  return root;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  return node?.children.find((c) => c.name === name);
}

export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}

/** All descendants with the name, in document order; `stopAt` names are not looked into. */
export function descendants(
  node: XmlNode | undefined,
  name: string,
  stopAt: ReadonlySet<string> = new Set(),
): XmlNode[] {
  const out: XmlNode[] = [];
  const walk = (n: XmlNode) => {
    for (const c of n.children) {
      if (c.name === name) out.push(c);
      if (!stopAt.has(c.name)) walk(c);
    }
  };
  if (node) walk(node);
  return out;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  return node?.attrs[name];
}

export function numAttr(node: XmlNode | undefined, name: string): number | undefined {
  const v = node?.attrs[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

/** An on/off element: present without val, or val 1/true/on. */
export function isOn(node: XmlNode | undefined): boolean | undefined {
  if (!node) return undefined;
  const v = node.attrs['w:val'];
  return v === undefined || v === '1' || v === 'true' || v === 'on';
}
