import { unzipSync } from 'fflate';
import { generateFillForms } from '../src/main/services/documents/xlsx-forms/generate-fill-forms';
import { sampleWorkspace } from '../tests/node/import/helpers';
(async () => {
  const ws = await sampleWorkspace();
  const [form] = await generateFillForms(ws, '2023-09', { regions: ['吴兴'] });
  const parts = unzipSync(form!.buffer);
  for (const [n, d] of Object.entries(parts)) console.log(n, d.length);
  console.log(Buffer.from(parts['xl/workbook.xml']!).toString().slice(0, 1500));
  await ws.close();
})();
