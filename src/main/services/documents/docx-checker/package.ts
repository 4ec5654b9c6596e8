import { unzipSync } from 'fflate';
import { attr, children, parseXml, type XmlNode } from './xml';

const MAX_PART_BYTES = 64 * 1024 * 1024;

/** The XML parts of a .docx (zip), by path; media and other binaries are left out. */
export interface DocxPackage {
  parts: Map<string, string>;
  /** Parsed on first use; a part that does not parse gives the error's message. */
  xml(path: string): XmlNode | undefined;
  /** Relationship id → target part path, for a part's relationships (word/document.xml → word/_rels/document.xml.rels). */
  relationships(partPath: string): Map<string, string>;
}

export class NotADocxError extends Error {}

export function openDocx(data: Uint8Array): DocxPackage {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(data, {
      filter: (f) => (f.name.endsWith('.xml') || f.name.endsWith('.rels')) && f.originalSize <= MAX_PART_BYTES,
    });
  } catch (e) {
    throw new NotADocxError(`不是有效的 zip 压缩包（${e instanceof Error ? e.message : String(e)}）`);
  }
  const decoder = new TextDecoder('utf-8');
  const parts = new Map(Object.entries(files).map(([path, bytes]) => [path, decoder.decode(bytes)]));
  if (!parts.has('word/document.xml')) throw new NotADocxError('压缩包中没有 word/document.xml');
  const parsed = new Map<string, XmlNode | undefined>();
  const xml = (path: string): XmlNode | undefined => {
    if (!parsed.has(path)) {
      const source = parts.get(path);
      parsed.set(path, source === undefined ? undefined : parseXml(source));
    }
    return parsed.get(path);
  };
  const relationships = (partPath: string): Map<string, string> => {
    const slash = partPath.lastIndexOf('/');
    const dir = partPath.slice(0, slash + 1);
    const rels = xml(`${dir}_rels/${partPath.slice(slash + 1)}.rels`);
    const out = new Map<string, string>();
    for (const r of children(rels?.children[0], 'Relationship')) {
      const id = attr(r, 'Id');
      const target = attr(r, 'Target');
      if (id && target) out.set(id, target.startsWith('/') ? target.slice(1) : normalise(dir + target));
    }
    return out;
  };
  return { parts, xml, relationships };
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}
