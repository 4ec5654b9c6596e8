import { unzipSync } from 'fflate';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers } from '../../../src/main/handlers';
import { dispatch, type CallContext } from '../../../src/main/hosts/dispatch';
import { startHttpHost, type HttpHost } from '../../../src/main/hosts/http/http-host';
import { createServices, type Services } from '../../../src/main/services/container';
import { createSampleWorkspace } from '../../../src/main/services/sample/sample-workspace';
import type { EventPayload } from '../../../src/shared/contract';
import { callOverHttp } from '../../support/contract';
import { rawRequest } from '../../support/http';
import { PROJECT_ROOT } from '../../support/project';
import { tempDir, templates } from '../../support/workspace';
import { fillForm } from './helpers';

async function sampleDir(): Promise<string> {
  const dir = join(tempDir('zjb-contract-'), 'sample');
  const ws = await createSampleWorkspace({
    dir,
    seed: 20230930,
    systems: await templates.all(),
    registries: await templates.registries(),
    userName: '合同测试',
  });
  await ws.close();
  return dir;
}

describe('fill-in workbooks and import over the HTTP host', () => {
  let services: Services;
  let host: HttpHost;
  let call: ReturnType<typeof callOverHttp>;
  const events: EventPayload<'figures.changed'>[] = [];

  beforeAll(async () => {
    services = createServices({
      appRoot: PROJECT_ROOT,
      appVersion: 'test',
      userName: '网页用户',
      appDataDir: tempDir('zjb-appdata-'),
    });
    await services.session.open(await sampleDir());
    const hub = services.events;
    hub.subscribe((event, payload) => {
      if (event === 'figures.changed') events.push(payload as EventPayload<'figures.changed'>);
    });
    host = await startHttpHost({
      handlers: createHandlers(services),
      hub,
      resolveDownload: (id) => services.downloads.get(id),
    });
    call = callOverHttp(host.port, host.token);
  });
  afterAll(async () => {
    await host.close();
    await services.session.close();
  });

  it('generates forms as downloads, imports a filled one by bytes, applies it by preview id and lists who has returned', async () => {
    const generated = await call('forms.generate', {
      period: '2023-10',
      regions: ['吴兴', '德清'],
    });
    expect(generated.ok).toBe(true);
    expect(generated.value).toMatchObject({ period: '2023-10', periodTitle: '2023年1—10月', sample: true });
    const [wuxing] = generated.value.files;
    expect(wuxing).toMatchObject({
      region: '吴兴',
      fileName: '2023年1—10月_吴兴_填报表（示例数据）.xlsx',
      downloadUrl: `/downloads/${wuxing?.downloadId}`,
    });

    const download = await rawRequest(host.port, `${wuxing!.downloadUrl}?token=${host.token}`);
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename*=UTF-8''${encodeURIComponent(wuxing!.fileName)}`,
    );
    expect(download.bytes.subarray(0, 2).toString()).toBe('PK');
    const zip = generated.value.zip!;
    expect(zip.fileName).toBe('2023年1—10月填报表（2份）（示例数据）.zip');
    const zipped = await rawRequest(host.port, `${zip.downloadUrl}?token=${host.token}`);
    expect(zipped.headers['content-type']).toBe('application/zip');
    const entries = unzipSync(new Uint8Array(zipped.bytes));
    expect(Object.keys(entries)).toEqual(generated.value.files.map((f) => f.fileName));
    expect(Buffer.from(entries[wuxing!.fileName]!).equals(download.bytes)).toBe(true);
    expect((await rawRequest(host.port, `/downloads/${'0'.repeat(32)}?token=${host.token}`)).status).toBe(404);
    expect((await rawRequest(host.port, wuxing!.downloadUrl!)).status).toBe(401);

    const filled = await fillForm(download.bytes, (f) => {
      f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 6.4;
      f.sheet.getCell(`D${f.row('manufacturing-investment-growth')}`).value = '一二';
    });
    const preview = await call('import.preview', {
      files: [
        { name: wuxing!.fileName, base64: filled.toString('base64') },
        { name: '说明.txt', base64: Buffer.from('请查收').toString('base64') },
      ],
      period: '2023-10',
    });
    expect(preview.ok).toBe(true);
    expect(preview.value.files.map((f) => f.status)).toEqual(['accepted', 'refused']);
    expect(preview.value.files[0]?.counts).toMatchObject({ changed: 1, rejected: 1 });
    expect(preview.value.files[1]?.message).toContain('“说明.txt”不是 Excel 工作簿');
    expect((await services.session.require().figures.get('2023-10')).revision).toBe(0);

    const applied = await call('import.apply', { previewId: preview.value.id });
    expect(applied.value).toMatchObject({ changed: 1, skippedCells: 1, refusedFiles: 1 });
    expect(events).toContainEqual({ period: '2023-10', revision: 1 });
    const stored = (await services.session.require().figures.get('2023-10')).figures['hz-mfg-cluster-regional-2023']?.[
      'industrial-value-added-growth'
    ]?.['吴兴'];
    expect(stored).toMatchObject({
      v: 6.4,
      by: '网页用户',
      origin: { kind: 'import', file: wuxing!.fileName, sheet: '填报表', cell: 'D7' },
    });

    const again = await call('import.apply', { previewId: preview.value.id });
    expect(again).toMatchObject({ status: 404, ok: false, error: { code: 'NOT_FOUND' } });

    const missing = await call('import.missing', { period: '2023-10' });
    expect(missing.value.find((r) => r.region === '吴兴')).toMatchObject({
      status: 'partial',
      lastImport: { file: wuxing!.fileName },
    });
    expect(missing.value.find((r) => r.region === '德清')?.status).toBe('missing');
  });

  it('refuses an oversized upload by name without decoding it, and bad input in Chinese', async () => {
    const big = await call('import.preview', {
      files: [{ name: '大.xlsx', base64: 'A'.repeat(28 * 1024 * 1024) }],
    });
    expect(big.value.files[0]?.message).toMatch(/^“大\.xlsx”大小为 21\.0 MB，超过 20 MB 上限/);
    // Checked in the import worker: that file is refused by name, the others of the batch still read.
    const notBase64 = await call('import.preview', {
      files: [{ name: 'x.xlsx', base64: '这不是base64' }],
    });
    expect(notBase64.value.files[0]?.message).toBe(
      '“x.xlsx”的内容没有正确传送（不是有效的 base64 编码），请重新选择文件',
    );
    const empty = await call('import.preview', { files: [] });
    expect(empty.error?.message).toBe('请求参数有误：files：至少需要 1 项');
    const huge = await call('import.preview', { files: [{ name: '巨.xlsx', base64: 'A'.repeat(45 * 1024 * 1024) }] });
    expect(huge.error?.message).toBe('请求参数有误：files[0].base64：文件远超 20 MB 上限，不像是填报表，未读取');
    const badPeriod = await call('forms.generate', { period: '2023H1' });
    expect(badPeriod.error?.message).toContain('没有按半年报送的指标');
  });
});

describe('forms.generate on the desktop: written into the folder chosen in the dialog, never overwriting', () => {
  it('writes the files and adds （2） when a file of that name is already there', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'zjb-forms-out-'));
    const services = createServices({
      appRoot: PROJECT_ROOT,
      appVersion: 'test',
      appDataDir: tempDir('zjb-appdata-'),
      dialogs: {
        chooseFolder: async () => folder,
        chooseFiles: async () => [],
        saveFile: async () => null,
        revealInFolder: () => {},
        printWindow: async () => false,
        printWindowToPdf: async () => Buffer.alloc(0),
      },
    });
    await services.session.open(await sampleDir());
    const handlers = createHandlers(services);
    const ctx: CallContext = { host: 'electron', emit: () => {} };
    const first = await dispatch(handlers, 'forms.generate', { period: '2023-09', regions: ['安吉'] }, ctx);
    const second = await dispatch(handlers, 'forms.generate', { period: '2023-09', regions: ['安吉'] }, ctx);
    await services.session.close();
    expect(first).toMatchObject({
      ok: true,
      value: { folder, files: [{ region: '安吉', path: join(folder, '2023年1—9月_安吉_填报表（示例数据）.xlsx') }] },
    });
    expect(second).toMatchObject({
      ok: true,
      value: { files: [{ path: join(folder, '2023年1—9月_安吉_填报表（示例数据）（2）.xlsx') }] },
    });
    expect(readdirSync(folder).sort()).toEqual([
      '2023年1—9月_安吉_填报表（示例数据）.xlsx',
      '2023年1—9月_安吉_填报表（示例数据）（2）.xlsx',
    ]);
    expect(
      readFileSync(join(folder, readdirSync(folder)[0]!))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });
});
