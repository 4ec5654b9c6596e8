import { unzipSync } from 'fflate';
import {
  child,
  children,
  descendants,
  parseXml,
  type XmlNode,
} from '../../../src/main/services/documents/docx-checker/xml';

/** The XML parts of a .docx, as text. */
export function unzipDocx(buffer: Uint8Array): Map<string, string> {
  const decoder = new TextDecoder();
  return new Map(
    Object.entries(unzipSync(buffer))
      .filter(([name]) => name.endsWith('.xml') || name.endsWith('.rels'))
      .map(([name, bytes]) => [name, decoder.decode(bytes)]),
  );
}

export function rootOf(parts: Map<string, string>, path: string): XmlNode {
  const xml = parts.get(path);
  if (xml === undefined) throw new Error(`missing part ${path}`);
  return parseXml(xml).children[0]!;
}

export function styleById(styles: XmlNode, id: string): XmlNode {
  const s = children(styles, 'w:style').find((x) => x.attrs['w:styleId'] === id);
  if (!s) throw new Error(`missing style ${id}`);
  return s;
}

/** Concatenated w:t text of a node. */
export function textOf(node: XmlNode): string {
  return descendants(node, 'w:t')
    .map((t) => t.text)
    .join('');
}

export { child, children, descendants };
