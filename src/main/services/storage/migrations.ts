/**
 * Each stored format carries `formatVersion`. Loading runs the migrations from the file's version up to
 * the current one, one step per version; a file from a newer program is refused rather than guessed at.
 */
export type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

export type MigrationResult =
  | { ok: true; doc: Record<string, unknown>; migratedFrom?: number }
  | {
      ok: false;
      message: string;
      /** Set when a newer program wrote the file: not damage, but not ours to change. */ newerVersion?: number;
    };

export function migrate(raw: unknown, current: number, steps: Readonly<Record<number, Migration>>): MigrationResult {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return { ok: false, message: '文件内容不是一个 JSON 对象' };
  let doc = raw as Record<string, unknown>;
  const version = doc['formatVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version))
    return { ok: false, message: '缺少格式版本号 formatVersion' };
  if (version > current) {
    return {
      ok: false,
      message: `文件是更新版本的程序写的（格式第 ${version} 版，本程序只认到第 ${current} 版），请升级程序后再打开`,
      newerVersion: version,
    };
  }
  const from = version;
  for (let v = version; v < current; v++) {
    const step = steps[v];
    if (!step) return { ok: false, message: `无法把格式第 ${v} 版升级到第 ${v + 1} 版` };
    doc = { ...step(doc), formatVersion: v + 1 };
  }
  return from === current ? { ok: true, doc } : { ok: true, doc, migratedFrom: from };
}

/** Version 1 is the first released format of every file: no steps yet. */
export const NO_MIGRATIONS: Readonly<Record<number, Migration>> = {};
