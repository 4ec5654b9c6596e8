/**
 * @page rules of the ranking print: landscape on the workspace's paper (A4/A3) with page numbers in the
 * bottom margin ("第 1 页 共 2 页", as the .xlsx footer); the repeated header rows come from <thead>.
 */
export function rankingPageCss(paper: 'A4' | 'A3'): string {
  return `@media print {
  @page { size: ${paper} landscape; margin: 12mm 10mm 16mm;
    @bottom-center { content: "第 " counter(page) " 页 共 " counter(pages) " 页"; font-size: 9pt; color: #000; } }
  .print-break { break-before: page; }
  .card { border: none !important; padding: 0 !important; margin: 0 !important; }
  .print-only { display: block !important; }
}`;
}
