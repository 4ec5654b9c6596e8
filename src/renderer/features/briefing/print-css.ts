/**
 * Print rules of the briefing page: only the preview's pages, each one A4 sheet with no margin of its own
 * (the page boxes carry the GB/T 9704 margins); the Latin font limited to ASCII, as the .docx sets Chinese
 * punctuation in the Chinese font.
 */
export function briefingPageCss(latinFont: string): string {
  const name = latinFont.replace(/["\\]/g, '');
  return `@font-face { font-family: 'doc-latin'; src: local("${name}"), local("Times New Roman"), local("Liberation Serif"); unicode-range: U+0020-007E; }
@media print {
  @page { size: A4 portrait; margin: 0; }
  .doc-pages { display: block !important; padding: 0 !important; }
  .doc-page { box-shadow: none !important; break-after: page; overflow: hidden; }
  .doc-page:last-child { break-after: auto; }
  .doc-measure, .rail { display: none !important; }
  .fact { text-decoration: none !important; }
  .nb { white-space: nowrap !important; }
  .is-interactive, .doc-p.is-edited, .doc-p.is-stale, .doc-title.is-edited { background: none !important; outline: none !important; }
  .mh-name, .mh-rule { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}`;
}
