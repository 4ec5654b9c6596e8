/** exceljs's Workbook class on its own (exceljs 4.4.0 ships no types for the deep path). */
declare module 'exceljs/lib/doc/workbook.js' {
  import type { Workbook } from 'exceljs';

  const WorkbookClass: typeof Workbook;
  export = WorkbookClass;
}
