import { generateFillForms } from '../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { sampleWorkspace } from '../tests/node/import/helpers';
import * as c from '../tests/support/hostile-corpus';
(async () => {
  const ws = await sampleWorkspace();
  const [form] = await generateFillForms(ws, '2023-09', { regions: ['吴兴'] });
  const t0 = performance.now();
  const files = c.hostileCorpus(form!.buffer);
  console.log('total', (performance.now() - t0).toFixed(0), files.map((f) => `${f.name} ${(f.bytes.length / 1048576).toFixed(1)}MB`).join(', '));
  await ws.close();
})();
