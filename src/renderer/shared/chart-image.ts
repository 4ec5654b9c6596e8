import type { ChartImage } from '../../shared/api-types';

/** The chart PNG main rendered, as a Blob the clipboard and a download link both take. */
export function chartImageBlob(image: ChartImage): Blob {
  const binary = atob(image.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'image/png' });
}

/** Puts the picture on the clipboard, for pasting into WPS or Word (Ctrl+V). */
export async function copyChartImage(image: ChartImage): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('此环境不支持复制图片，请用“另存为 PNG”保存后插入文档。');
  }
  await navigator.clipboard.write([new ClipboardItem({ 'image/png': chartImageBlob(image) })]);
}

/** Saves the picture as a .png file (the browser's or the desktop app's download). */
export function saveChartImage(image: ChartImage): void {
  const url = URL.createObjectURL(chartImageBlob(image));
  const link = document.createElement('a');
  link.href = url;
  link.download = image.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
