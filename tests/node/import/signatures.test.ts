import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalMeta, readMetaSheet } from '../../../src/main/services/documents/xlsx-forms/form-meta';
import { generateFillForms } from '../../../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { applyImport, previewImport } from '../../../src/main/services/import';
import { Workspace } from '../../../src/main/services/storage/workspace';
import { context, tempDir } from '../../support/workspace';
import { fillForm, openForm, saveForm, sampleWorkspace, setMetaValue, type FormHandle } from './helpers';

let ws: Workspace;
let good: Buffer;
const others: Workspace[] = [];

beforeAll(async () => {
  ws = await sampleWorkspace();
  const [form] = await generateFillForms(ws, '2023-12', { regions: ['吴兴'] });
  good = await fillForm(form!.buffer, (f) => {
    f.sheet.getCell(`D${f.row('industrial-value-added-growth')}`).value = 6.6;
  });
});
afterAll(async () => {
  await ws.close();
  for (const o of others) await o.close();
});

async function edited(edit: (form: FormHandle) => void): Promise<Buffer> {
  const form = await openForm(good);
  edit(form);
  return saveForm(form);
}

function metaOf(form: FormHandle) {
  const read = readMetaSheet(form.meta as never);
  if (!read.ok) throw new Error(read.message);
  return read.meta;
}

async function refusal(bytes: Buffer, name = '吴兴.xlsx'): Promise<string> {
  const before = (await ws.figures.get('2023-12')).revision;
  const p = await previewImport(ws, [{ name, bytes }]);
  expect(p.files[0]?.status).toBe('refused');
  await applyImport(ws, p);
  expect((await ws.figures.get('2023-12')).revision).toBe(before);
  return p.files[0]?.message ?? '';
}

describe('forms are signed with a key only the workspace holds', () => {
  it('the genuine form is accepted', async () => {
    const p = await previewImport(ws, [{ name: '吴兴.xlsx', bytes: good }]);
    expect(p.files[0]?.status).toBe('accepted');
  });

  it('a district that retargets its form to 南浔 and recomputes the SHA-256 is refused', async () => {
    const forged = await edited((f) => {
      setMetaValue(f, 'region', '南浔');
      setMetaValue(
        f,
        'signature',
        createHash('sha256')
          .update(canonicalMeta(metaOf(f)), 'utf8')
          .digest('hex'),
      );
    });
    const message = await refusal(forged);
    expect(message).toContain('签名不符');
    expect(message).toContain('不予导入');
  });

  it('a meta re-signed with a key of the district’s own is refused', async () => {
    const forged = await edited((f) => {
      setMetaValue(f, 'region', '南浔');
      setMetaValue(
        f,
        'signature',
        createHmac('sha256', randomBytes(32))
          .update(canonicalMeta(metaOf(f)), 'utf8')
          .digest('hex'),
      );
    });
    expect(await refusal(forged)).toContain('签名不符');
  });

  it('a form from a copy of this workspace that made its own key is told apart as foreign', async () => {
    const copyDir = join(tempDir(), 'copy');
    cpSync(ws.dir, copyDir, { recursive: true });
    rmSync(join(copyDir, '.lock'), { force: true });
    rmSync(join(copyDir, 'keys'), { recursive: true });
    const copy = await Workspace.open(copyDir, await context());
    others.push(copy);
    const [form] = await generateFillForms(copy, '2023-12', { regions: ['吴兴'] });
    const message = await refusal(form!.buffer);
    expect(message).toContain('不是用本工作区的签名密钥生成的');
    expect(message).toContain('重新生成吴兴的填报表');
  });

  it('an older unsigned form (template version 1) explains what to do', async () => {
    const old = await edited((f) => {
      setMetaValue(f, 'templateVersion', '1');
      f.meta.eachRow((r) => {
        if (r.getCell(1).value === 'keyId') r.getCell(1).value = 'checksum';
      });
    });
    const message = await refusal(old, '旧表.xlsx');
    expect(message).toContain('“旧表.xlsx”是旧版程序生成的填报表，没有防篡改签名');
    expect(message).toContain('请用本程序重新生成该区县的填报表下发');
  });

  it('the key stays in the workspace: keys/form-signing.json, never in a form', async () => {
    const key = JSON.parse(readFileSync(join(ws.dir, 'keys', 'form-signing.json'), 'utf8'));
    expect(key.keyId).toMatch(/^[0-9a-f]{16}$/);
    expect(good.toString('latin1')).not.toContain(key.key);
  });

  it('a workspace made before forms were signed gets its key when it first generates forms; read-only cannot', async () => {
    const dir = join(tempDir(), 'older');
    cpSync(ws.dir, dir, { recursive: true });
    rmSync(join(dir, '.lock'), { force: true });
    rmSync(join(dir, 'keys'), { recursive: true });
    const reader = await Workspace.open(dir, await context(), { readOnly: true });
    await expect(generateFillForms(reader, '2023-12', { regions: ['吴兴'] })).rejects.toMatchObject({
      code: 'READ_ONLY',
    });
    expect(existsSync(join(dir, 'keys'))).toBe(false);
    const writer = await Workspace.open(dir, await context());
    others.push(writer);
    const [form] = await generateFillForms(writer, '2023-12', { regions: ['吴兴'] });
    expect(existsSync(join(dir, 'keys', 'form-signing.json'))).toBe(true);
    const p = await previewImport(writer, [{ name: '吴兴.xlsx', bytes: form!.buffer }]);
    expect(p.files[0]?.status).toBe('accepted');
  });
});

describe('a meta that names one indicator many times', () => {
  it('is refused naming the indicator, even when signed with the workspace’s key', async () => {
    const key = (await ws.formSigningKey(false))!;
    const forged = await edited((f) => {
      const rows = f.rows();
      const target = rows.find((r) => r.indicatorId === 'industrial-value-added-growth')!;
      for (let i = 0; i < 50; i++)
        f.meta.addRow([String(target.row), target.systemId, target.indicatorId, target.period, target.name]);
      setMetaValue(
        f,
        'signature',
        createHmac('sha256', key.key)
          .update(canonicalMeta(metaOf(f)), 'utf8')
          .digest('hex'),
      );
    });
    const message = await refusal(forged);
    expect(message).toContain('指标“规上工业增加值增长”（2023-12）出现了 51 次');
  });

  it('10,000 rows are refused before anything is parsed, as more than a form can hold', async () => {
    const forged = await edited((f) => {
      const target = f.rows()[0]!;
      for (let i = 0; i < 10_000; i++)
        f.meta.addRow([String(target.row), target.systemId, target.indicatorId, target.period, target.name]);
    });
    expect(await refusal(forged)).toMatch(/工作表“_meta”有 \d+ 行，远多于填报表应有的行数/);
  });
});
