import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { createHandlers } from '../../main/handlers';
import { startHttpHost } from '../../main/hosts/http/http-host';
import { parseCommandArgs } from '../args';
import { UsageError, type CliCommand } from '../command';

export const serveCommand: CliCommand = {
  name: 'serve',
  summary: '启动本机浏览器预览服务（只监听 127.0.0.1）',
  usage: `用法：npm run serve  或  npm run cli -- serve [--port 端口]

在本机启动服务，打印带访问令牌的地址，用浏览器打开即可使用（与桌面版是同一套功能）。
选项：
  --port <端口>   指定端口，默认随机
按 Ctrl+C 停止。`,
  async run(args, { services, appRoot, io }) {
    const { values } = parseCommandArgs(args, { port: { type: 'string' } });
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`端口“${values.port}”无效`);
    const rendererDir = join(appRoot, 'out', 'renderer');
    if (!existsSync(join(rendererDir, 'index.html'))) {
      io.err('还没有构建界面：请先运行 npm run build（npm run serve 会自动构建）。');
      return 1;
    }
    const host = await startHttpHost({
      handlers: createHandlers(services),
      hub: services.events,
      rendererDir,
      port,
      resolveDownload: (id) => services.downloads.get(id),
      log: (l) => io.err(l),
    });
    io.out(`浏览器预览已启动，请打开：\n${host.openUrl}\n`);
    // Ctrl+C or SIGTERM: stop taking requests, then fold the journals and release the workspace lock
    // (runCli disposes the services once this returns). A second signal while that runs is not a kill.
    await new Promise<void>((resolve) => {
      let stopping = false;
      const stop = () => {
        if (stopping) return;
        stopping = true;
        io.err('正在关闭：保存并释放工作区……\n');
        void host.close().then(resolve, resolve);
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    return 0;
  },
};
