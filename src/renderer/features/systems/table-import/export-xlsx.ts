import { ElMessage } from 'element-plus';
import { useApi } from '../../../api/client';

/**
 * Exports a workspace system as .xlsx. Main writes it into the workspace's exports/systems/ folder; the
 * browser host also offers it for download, the desktop app shows it in the file manager.
 */
export async function exportSystemXlsx(id: string): Promise<void> {
  const api = useApi();
  const file = await api.call('systems.exportXlsx', { id });
  if (file.downloadId) {
    const a = document.createElement('a');
    a.href = `/downloads/${encodeURIComponent(file.downloadId)}`;
    a.download = file.name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    ElMessage.success(`已导出“${file.name}”（也保存在工作区的 ${file.relativePath}）`);
    return;
  }
  ElMessage.success(`已导出到工作区的 ${file.relativePath}`);
  await api.call('documents.reveal', { relativePath: file.relativePath }).catch(() => undefined);
}
