import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, setApiClient } from '../../../src/renderer/api/client';
import { reminderText } from '../../../src/renderer/features/import/reminder';
import {
  bytesToBase64,
  MAX_FILE_BYTES,
  planBatches,
  readBase64,
  screenFiles,
} from '../../../src/renderer/features/import/uploads';
import { useImport } from '../../../src/renderer/features/import/use-import';
import type { ApiBridge } from '../../../src/shared/contract';
import type { Envelope } from '../../../src/shared/contract-kit';
import { preview, wuxingFile } from './fixtures';

/** Deterministic bytes covering every byte value, so base64 of all 64 symbols and both paddings show up. */
function bytes(n: number, seed = 7): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    out[i] = (x >>> 16) & 0xff;
  }
  return out;
}

/** The textbook encoding, one btoa over the whole binary string: the reference for the chunked one. */
function reference(b: Uint8Array): string {
  let binary = '';
  for (const x of b) binary += String.fromCharCode(x);
  return btoa(binary);
}

function decode(text: string): Uint8Array {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}

describe('base64 of the chosen files', () => {
  it('matches the textbook encoding with no, one and two padding characters, small and large', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 6, 255, 256, 257, 99_999, 100_000, 100_001]) {
      const b = bytes(n, n);
      expect(bytesToBase64(b), `${n} bytes`).toBe(reference(b));
    }
  });

  it('reads a File through arrayBuffer and round-trips 3 MB exactly', async () => {
    const b = bytes(3 * 1024 * 1024 + 1);
    const file = new File([b], '吴兴.xlsx');
    const text = await readBase64(file);
    expect(text.length).toBe(Math.ceil(b.length / 3) * 4);
    const back = decode(text);
    expect(back.length).toBe(b.length);
    expect(back.every((x, i) => x === b[i])).toBe(true);
  });
});

describe('size checks before reading', () => {
  const f = (name: string, size: number, lastModified = 1) => ({ name, size, lastModified });

  it('refuses files over 20 MB by name and size in Chinese, keeps the exact limit, sends repeats once', () => {
    const out = screenFiles([
      f('a.xlsx', 1000),
      f('录像.mp4', 35 * 1024 * 1024),
      f('a.xlsx', 1000),
      f('b.xlsx', MAX_FILE_BYTES),
      f('a.xlsx', 1000, 2),
    ]);
    expect(out.send.map((x) => [x.name, x.lastModified])).toEqual([
      ['a.xlsx', 1],
      ['b.xlsx', 1],
      ['a.xlsx', 2],
    ]);
    expect(out.repeated).toEqual(['a.xlsx']);
    expect(out.refused).toEqual([
      {
        file: '录像.mp4',
        status: 'refused',
        message:
          '“录像.mp4”大小为 35.0 MB，超过 20 MB 上限，不像是填报表，未读取。请确认选择了区县发回的填报表（一般不到 1 MB）',
        cells: [],
        counts: { unchanged: 0, changed: 0, rejected: 0, blank: 0, anomalies: 0 },
      },
    ]);
  });

  it('groups files into requests under the byte and count limits, in the order chosen', () => {
    const MB = 1024 * 1024;
    const sizes = [20 * MB, 3 * MB, 1 * MB, 19 * MB, 5 * MB, 30_000];
    const batches = planBatches(
      sizes.map((size, i) => ({ size, i })),
      24 * MB,
      3,
    );
    expect(batches.map((b) => b.map((x) => x.i))).toEqual([[0, 1, 2], [3, 4], [5]]);
    for (const b of batches) expect(b.reduce((n, x) => n + x.size, 0)).toBeLessThanOrEqual(24 * MB);
    // The largest request body: 24 MB base64-encoded is 32 MB, half of the host's 64 MB limit.
    expect(Math.ceil((24 * MB) / 3) * 4).toBe(32 * MB);
    expect(planBatches([], 10, 10)).toEqual([]);
  });
});

describe('useImport sends a large selection in several requests and applies them as one import', () => {
  afterEach(() =>
    setApiClient(createApiClient({ invoke: () => Promise.reject(new Error('no api')), on: () => () => {} }, 'http')),
  );

  it('reads each file once, never the oversized one, and passes every preview id to apply', async () => {
    const sent: { name: string; input: unknown }[] = [];
    // Stands in for main, which cannot run in the DOM project: answers as main does and records the requests.
    const bridge: ApiBridge = {
      invoke: (name, input) => {
        sent.push({ name, input });
        const answers: Record<string, unknown> = {
          'import.preview': preview(`0000000${sent.length}-0000-4000-8000-000000000000`, [wuxingFile]),
          'import.apply': { previewId: 'x', applied: [], changed: 8, skippedCells: 6, refusedFiles: 0 },
        };
        return Promise.resolve({ ok: true, value: answers[name] } as Envelope<never>);
      },
      on: () => () => {},
    };
    setApiClient(createApiClient(bridge, 'http'));
    const a = bytes(700, 1);
    const b = bytes(500, 2);
    // Reading it would fail the test: its refusal must come from its size alone.
    class Unreadable extends File {
      override arrayBuffer(): Promise<ArrayBuffer> {
        throw new Error('an oversized file was read');
      }
    }
    const huge = new Unreadable([new Uint8Array(MAX_FILE_BYTES + 1)], '大.xlsx');
    const imp = useImport({ batchBytes: 1000, batchFiles: 50 });
    await imp.preview([new File([a], '吴兴.xlsx'), huge, new File([b], '南浔.xlsx')], '2023-12');

    expect(sent.map((s) => s.name)).toEqual(['import.preview', 'import.preview']);
    expect(sent.map((s) => s.input)).toEqual([
      { files: [{ name: '吴兴.xlsx', base64: reference(a) }], period: '2023-12' },
      { files: [{ name: '南浔.xlsx', base64: reference(b) }], period: '2023-12' },
    ]);
    expect(imp.stage.value).toBe('ready');
    expect(imp.view.value?.files.map((f) => [f.file, f.status])).toEqual([
      ['2023年1—12月_吴兴_填报表.xlsx', 'accepted'],
      ['2023年1—12月_吴兴_填报表.xlsx', 'accepted'],
      ['大.xlsx', 'refused'],
    ]);
    expect(imp.view.value?.files[2]?.message).toMatch(
      /^“大\.xlsx”大小为 20\.0 MB，超过 20 MB 上限，不像是填报表，未读取/,
    );

    await imp.apply();
    expect(sent.at(-1)).toEqual({
      name: 'import.apply',
      input: {
        previewId: '00000001-0000-4000-8000-000000000000',
        morePreviewIds: ['00000002-0000-4000-8000-000000000000'],
      },
    });
    expect(imp.stage.value).toBe('applied');
  });
});

describe('催报 text', () => {
  it('lists the regions not yet returned with what they owe, or nothing when all have returned', () => {
    const list = [
      { region: '吴兴', status: 'returned' as const, missingIndicators: [], dueCount: 5 },
      { region: '南浔', status: 'missing' as const, missingIndicators: ['a', 'b', 'c', 'd', 'e'], dueCount: 5 },
      {
        region: '德清',
        status: 'partial' as const,
        missingIndicators: ['规上工业增加值增长', '制造业投资增长'],
        dueCount: 5,
      },
    ];
    expect(reminderText('2023年1—10月', list)).toBe(
      '请以下区县尽快报送2023年1—10月的指标数据：\n南浔：5 项均未报送；\n德清：尚缺 2 项：规上工业增加值增长、制造业投资增长。',
    );
    expect(reminderText('2023年1—10月', [list[0]!])).toBeNull();
  });

  it('names a district sent back (退回) with the reason, and the cells of its form not taken', () => {
    const list = [
      {
        region: '德清',
        status: 'partial' as const,
        missingIndicators: [],
        dueCount: 5,
        workflow: '退回' as const,
        reason: 'D7 增速填成了文字，请填数字',
        notAccepted: ['规上工业增加值增长（D7未通过检查）'],
      },
      {
        region: '长兴',
        status: 'returned' as const,
        missingIndicators: [],
        dueCount: 5,
        workflow: '退回' as const,
        reason: '数据未经区统计局核定',
      },
      { region: '安吉', status: 'returned' as const, missingIndicators: [], dueCount: 5, workflow: '通过' as const },
    ];
    expect(reminderText('2023年1—9月', list)).toBe(
      '请以下区县尽快报送2023年1—9月的指标数据：\n' +
        '德清：报表已退回，原因：D7 增速填成了文字，请填数字；需更正 1 项：规上工业增加值增长（D7未通过检查）；请更正后重新报送；\n' +
        '长兴：报表已退回，原因：数据未经区统计局核定；请更正后重新报送。',
    );
  });
});
