import ExcelJS from 'exceljs';
import { loadWorkbook } from '/work/h13/src/main/services/documents/exceljs';
(async () => {
  for (const [rows, cols] of [[2000, 10], [5000, 10], [10000, 10], [20000, 5]]) {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('填报表');
    for (let r = 1; r <= rows; r++) { const row = s.getRow(r); for (let c = 1; c <= cols; c++) row.getCell(c).value = (c % 2) ? r * c : `文本${r}-${c}`; }
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const t0 = performance.now();
    await loadWorkbook(buf);
    console.log(rows * cols, 'cells', (buf.length / 1024).toFixed(0), 'KB', (performance.now() - t0).toFixed(0), 'ms', 'rss', (process.memoryUsage.rss() / 1048576).toFixed(0));
  }
})();
