/** Import of returned fill-in workbooks (填报表): preview, apply, and the 催报 list. */
export { applyImport, excludeKey, type ApplyOptions } from './apply';
export { MAX_FILE_BYTES } from './file-guard';
export type { ImportFile } from './identify';
export { missingRegions } from './missing';
export { previewImport, MAX_FILES_PER_IMPORT, type PreviewOptions } from './preview';
export { ImportPreviewStore } from './preview-store';
export { decodeUploads } from './uploads';
