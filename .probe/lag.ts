import { join } from 'node:path';
import { createHandlers } from '../src/main/handlers';
import { createServices } from '../src/main/services/container';
import { generateFillForms } from '../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { hostileCorpus } from '../tests/support/hostile-corpus';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
(async () => {
  const appData = mkdtempSync(join(tmpdir(), 'lag-'));
  const services = createServices({ appRoot: join(__dirname, '..'), appVersion: 'b', appDataDir: appData, documentsDir: appData });
  const handlers = createHandlers(services);
  await services.session.openSample();
  const [form] = await generateFillForms(services.session.require(), '2023-09', { regions: ['吴兴'] });
  const corpus = hostileCorpus(form!.buffer);
  const ctx = { emit: () => {} } as never;
  const encoded = corpus.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') }));
  await handlers['import.preview']({ files: [{ name: 'g.xlsx', base64: form!.buffer.toString('base64') }] }, ctx);
  for (const f of encoded.filter((e) => e.name.startsWith(process.env.ONLY ?? ''))) {
    let maxGap = 0; let last = performance.now(); let running = true;
    const tick = () => { const now = performance.now(); maxGap = Math.max(maxGap, now - last); last = now; if (running) setTimeout(tick, 5); };
    setTimeout(tick, 5);
    const t0 = performance.now();
    await handlers['import.preview']({ files: [f] }, ctx);
    running = false;
    console.log(f.name, 'ms', (performance.now() - t0).toFixed(0), 'max loop gap', maxGap.toFixed(0));
  }
  await services.dispose();
})();
