#!/usr/bin/env node
// Enforces the layer table (docs/architecture.md): which folder may import what.
// Usage: node scripts/check-layers.mjs [--root <project dir>]. Exit 1 and a list on any violation.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';

const rootArg = process.argv.indexOf('--root');
const root = resolve(rootArg > 0 ? process.argv[rootArg + 1] : process.cwd());
const src = join(root, 'src');

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const UI_PACKAGES = ['vue', 'vue-router', 'pinia', 'element-plus', '@element-plus/icons-vue', 'echarts'];
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement)\s*[.[]/;

const isNode = (spec) => NODE_BUILTINS.has(spec) || spec.startsWith('node:');
const isPackage = (spec, names) => names.some((n) => spec === n || spec.startsWith(n + '/'));

/** Layer of a file, by folder: the folder is the permission. */
function layerOf(rel) {
  const p = rel.split(sep).join('/');
  if (p.startsWith('src/shared/')) return 'shared';
  if (p.startsWith('src/main/services/')) return 'services';
  if (p.startsWith('src/main/hosts/')) return 'hosts';
  if (p.startsWith('src/main/app/') || p === 'src/main/index.ts') return 'shell';
  if (p.startsWith('src/main/')) return 'main';
  if (p.startsWith('src/preload/')) return 'preload';
  if (p.startsWith('src/renderer/')) return 'renderer';
  if (p.startsWith('src/cli/')) return 'cli';
  return 'other';
}

/** The feature folder a renderer file belongs to ("entry" for src/renderer/features/entry/...), or null. */
function featureOf(rel) {
  const m = /^src\/renderer\/features\/([^/]+)\//.exec(rel.split(sep).join('/'));
  return m ? m[1] : null;
}

/** The renderer's composition root: the one file outside the features that names their pages. */
const FEATURE_ROUTER = 'src/renderer/router.ts';

/**
 * A page's folder is private to it: a file of features/<a> may be imported from features/<a> and the
 * router only, so pages share code through src/renderer/components and src/renderer/shared, never directly.
 */
function crossesFeature(file, target) {
  if (!target) return false;
  const to = featureOf(target);
  if (to === null || file.split(sep).join('/') === FEATURE_ROUTER) return false;
  return to !== featureOf(file);
}

/**
 * Rules: each returns a reason string when the import is not allowed. `target` is the imported file
 * (project-relative) for a relative import, else null; `file` is the importing file.
 */
const RULES = {
  shared: (spec, target) =>
    spec === 'electron' || isPackage(spec, ['electron'])
      ? 'shared 不能引用 electron'
      : isNode(spec)
        ? 'shared 不能引用 Node 内置模块'
        : isPackage(spec, UI_PACKAGES)
          ? 'shared 不能引用界面库'
          : target && layerOf(target) !== 'shared'
            ? 'shared 只能引用 shared 内的文件'
            : null,
  services: (spec, target) =>
    isPackage(spec, ['electron'])
      ? 'main/services 不能引用 electron'
      : isPackage(
            spec,
            UI_PACKAGES.filter((p) => p !== 'echarts'),
          )
        ? 'main/services 不能引用界面库'
        : target && !['shared', 'services'].includes(layerOf(target))
          ? 'main/services 只能引用 shared 和 services'
          : null,
  hosts: (spec, target) =>
    isPackage(spec, ['electron'])
      ? 'main/hosts 不能引用 electron（用接口类型代替）'
      : target && ['renderer', 'preload', 'cli', 'shell'].includes(layerOf(target))
        ? 'main/hosts 不能引用界面、preload、命令行或外壳代码'
        : null,
  main: (spec, target) =>
    isPackage(spec, ['electron'])
      ? '只有 src/main/app 和 src/main/index.ts 可以引用 electron'
      : target && ['renderer', 'preload', 'cli'].includes(layerOf(target))
        ? 'main 不能引用界面、preload 或命令行代码'
        : null,
  shell: (spec, target) =>
    target && ['renderer', 'preload', 'cli'].includes(layerOf(target))
      ? '外壳不能引用界面、preload 或命令行代码'
      : null,
  preload: (spec, target) =>
    spec === 'electron' ? null : target && layerOf(target) === 'shared' ? null : 'preload 只能引用 electron 和 shared',
  renderer: (spec, target, file) =>
    isPackage(spec, ['electron'])
      ? 'renderer 不能引用 electron'
      : isNode(spec)
        ? 'renderer 不能引用 Node 内置模块'
        : target && !['renderer', 'shared'].includes(layerOf(target))
          ? 'renderer 只能引用 renderer 和 shared'
          : crossesFeature(file, target)
            ? 'features/<页> 的文件只能由本页和 router.ts 引用：共用的组件放 src/renderer/components，其他共用代码放 src/renderer/shared'
            : null,
  cli: (spec, target) =>
    isPackage(spec, ['electron'])
      ? '命令行不能引用 electron'
      : target && ['renderer', 'preload', 'shell'].includes(layerOf(target))
        ? '命令行不能引用界面、preload 或外壳代码'
        : null,
  other: () => null,
};

const IMPORT_RE =
  /(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function* files(dir) {
  let entries;
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* files(full);
    else if (/\.(ts|vue|mts)$/.test(name) && !name.endsWith('.d.ts')) yield full;
  }
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

const violations = [];
for (const file of files(src)) {
  const rel = relative(root, file);
  const layer = layerOf(rel);
  const text = stripComments(readFileSync(file, 'utf8'));
  for (const m of text.matchAll(IMPORT_RE)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec) continue;
    const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : null;
    const reason = RULES[layer](spec, target, rel);
    if (reason) violations.push(`${rel}: 引用了 "${spec}" —— ${reason}`);
  }
  if (layer === 'shared' && DOM_GLOBALS.test(text))
    violations.push(`${rel}: 使用了浏览器全局对象 —— shared 不能依赖 DOM`);
}

if (violations.length) {
  console.error(`分层检查未通过（${violations.length} 处）：\n` + violations.map((v) => '  ' + v).join('\n'));
  process.exit(1);
}
console.log('分层检查通过。');
