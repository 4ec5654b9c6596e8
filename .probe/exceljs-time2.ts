import ExcelJS from 'exceljs';
import { loadWorkbook } from '../src/main/services/documents/exceljs';
(async () => {
  const [rows, cols] = process.argv.slice(2).map(Number);
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('填报表');
  for (let r = 1; r <= rows!; r++) { const row = s.getRow(r); for (let c = 1; c <= cols!; c++) row.getCell(c).value = (c % 2) ? r * c : `文本${r}-${c}`; }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  await loadWorkbook(Buffer.from(await (new ExcelJS.Workbook().addWorksheet('x').workbook.xlsx.writeBuffer())));
  const before = process.memoryUsage.rss();
  for (let i = 0; i < 2; i++) {
    const t0 = performance.now();
    await loadWorkbook(buf);
    console.log(rows! * cols!, 'cells', (buf.length / 1024).toFixed(0), 'KB', (performance.now() - t0).toFixed(0), 'ms', 'rss+', ((process.memoryUsage.rss() - before) / 1048576).toFixed(0));
  }
})();
