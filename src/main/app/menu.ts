import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/** A Chinese application menu; section items navigate the renderer by its route hash. */
export function installMenu(getWindow: () => BrowserWindow | null): void {
  const go = (route: string) => () => {
    const win = getWindow();
    if (win) void win.webContents.executeJavaScript(`window.location.hash = ${JSON.stringify('#' + route)}`);
  };
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开或新建工作区…', accelerator: 'CmdOrCtrl+O', click: go('/') },
        { type: 'separator' },
        { label: '打印…', accelerator: 'CmdOrCtrl+P', click: () => getWindow()?.webContents.print({ silent: false }) },
        { type: 'separator' },
        { label: '退出', role: 'quit' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { label: '撤销', role: 'undo' },
        { label: '重做', role: 'redo' },
        { type: 'separator' },
        { label: '剪切', role: 'cut' },
        { label: '复制', role: 'copy' },
        { label: '粘贴', role: 'paste' },
        { label: '全选', role: 'selectAll' },
      ],
    },
    {
      label: '功能',
      submenu: [
        { label: '指标体系', click: go('/systems') },
        { label: '数据填报', click: go('/entry') },
        { label: '排名亮晒', click: go('/rankings') },
        { label: '简报', click: go('/briefing') },
        { label: '导入', click: go('/import') },
        { label: '设置', click: go('/settings') },
      ],
    },
    {
      label: '视图',
      submenu: [
        { label: '重新加载', role: 'reload' },
        { label: '实际大小', role: 'resetZoom' },
        { label: '放大', role: 'zoomIn' },
        { label: '缩小', role: 'zoomOut' },
        { type: 'separator' },
        { label: '全屏', role: 'togglefullscreen' },
      ],
    },
    {
      label: '帮助',
      submenu: [{ label: `关于 指标简报助手 ${app.getVersion()}`, role: 'about' }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
