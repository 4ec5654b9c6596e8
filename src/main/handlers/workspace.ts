import { AppError } from '../../shared/errors';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';

export function workspaceHandlers({ session, dialogs }: Services): NamespaceHandlers<'workspace'> {
  return {
    'workspace.recent': () => session.recent(),
    'workspace.openRecent': ({ key }) => session.openRecent(key),
    'workspace.openSample': () => session.openSample(),
    'workspace.chooseAndOpen': async () => {
      if (!dialogs)
        throw new AppError(
          'BAD_INPUT',
          '浏览器预览中不能浏览文件夹：请从“最近打开”中选择，或用 npm run cli -- serve --workspace <文件夹> 启动。',
        );
      const dir = await dialogs.chooseFolder('打开工作区文件夹', session.defaultParentDir);
      return dir ? session.open(dir) : null;
    },
    'workspace.create': async ({ name, city, systemIds, chooseFolder }) => {
      let dir: string | null;
      if (chooseFolder) {
        if (!dialogs)
          throw new AppError('BAD_INPUT', '浏览器预览中不能选择文件夹，新工作区将建在“文档/指标简报工作区”下。');
        dir = await dialogs.chooseFolder('选择一个空文件夹存放新工作区', session.defaultParentDir);
        if (!dir) throw new AppError('CANCELLED', '已取消新建工作区。');
      } else {
        dir = await session.newFolderFor(name);
      }
      return session.create(dir, { name, city, systemIds });
    },
    'workspace.info': () => session.require().info(),
    'workspace.takeOver': ({ lockId }) => session.takeOver(lockId),
    /** Asking is not an error: the start page shows when nothing is open. */
    'workspace.current': () => (session.isOpen ? session.require().info() : null),
    'workspace.close': async () => {
      await session.close();
      return null;
    },
  };
}
