#!/usr/bin/env node
// Enforces the layer table (docs/architecture.md): which folder may import what.
// Usage: node scripts/check-layers.mjs [--root <project dir>]   exit 1 and a list on any violation
//        node scripts/check-layers.mjs --write-doc              rewrite the table in docs/architecture.md
//        node scripts/check-layers.mjs --doc-table              print that table
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const UI_PACKAGES = ['vue', 'vue-router', 'pinia', 'element-plus', '@element-plus/icons-vue', 'echarts'];
const DOM_GLOBALS = /\b(window|document|navigator|localStorage|sessionStorage|HTMLElement)\s*[.[]/;

const isNode = (spec) => NODE_BUILTINS.has(spec) || spec.startsWith('node:');
const isPackage = (spec, names) => names.some((n) => spec === n || spec.startsWith(n + '/'));
const slashed = (rel) => rel.split(sep).join('/');

/** The layers, first match wins: the folder is the permission. */
const LAYERS = [
  { name: 'shared', folder: 'src/shared/', owns: (p) => p.startsWith('src/shared/') },
  { name: 'services', folder: 'src/main/services/', owns: (p) => p.startsWith('src/main/services/') },
  { name: 'hosts', folder: 'src/main/hosts/', owns: (p) => p.startsWith('src/main/hosts/') },
  {
    name: 'shell',
    folder: 'src/main/app/, src/main/index.ts',
    owns: (p) => p.startsWith('src/main/app/') || p === 'src/main/index.ts',
  },
  { name: 'main', folder: 'src/main/ (the rest: handlers/)', owns: (p) => p.startsWith('src/main/') },
  { name: 'preload', folder: 'src/preload/', owns: (p) => p.startsWith('src/preload/') },
  { name: 'renderer', folder: 'src/renderer/', owns: (p) => p.startsWith('src/renderer/') },
  { name: 'cli', folder: 'src/cli/', owns: (p) => p.startsWith('src/cli/') },
];

function layerOf(rel) {
  const p = slashed(rel);
  return LAYERS.find((l) => l.owns(p))?.name ?? 'other';
}

/** The feature folder a renderer file belongs to ("entry" for src/renderer/features/entry/...), or null. */
function featureOf(rel) {
  const m = /^src\/renderer\/features\/([^/]+)\//.exec(slashed(rel));
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
  if (to === null || slashed(file) === FEATURE_ROUTER) return false;
  return to !== featureOf(file);
}

const targetIn = (target, layers) => target !== null && layers.includes(layerOf(target));
const targetOutside = (target, layers) => target !== null && !layers.includes(layerOf(target));

/**
 * What each layer may not import, in order; the first rule an import breaks is reported. `spec` is the
 * import as written, `target` the imported file (project-relative) for a relative import or null, `file`
 * the importing file. Each reason is printed on a violation and listed in docs/architecture.md.
 */
const RULES = {
  shared: [
    { reason: 'shared 不能引用 electron', breaks: (spec) => isPackage(spec, ['electron']) },
    { reason: 'shared 不能引用 Node 内置模块', breaks: (spec) => isNode(spec) },
    { reason: 'shared 不能引用界面库', breaks: (spec) => isPackage(spec, UI_PACKAGES) },
    { reason: 'shared 只能引用 shared 内的文件', breaks: (_s, target) => targetOutside(target, ['shared']) },
  ],
  services: [
    { reason: 'main/services 不能引用 electron', breaks: (spec) => isPackage(spec, ['electron']) },
    {
      reason: 'main/services 不能引用界面库',
      breaks: (spec) =>
        isPackage(
          spec,
          UI_PACKAGES.filter((p) => p !== 'echarts'),
        ),
    },
    {
      reason: 'main/services 只能引用 shared 和 services',
      breaks: (_s, target) => targetOutside(target, ['shared', 'services']),
    },
  ],
  hosts: [
    { reason: 'main/hosts 不能引用 electron（用接口类型代替）', breaks: (spec) => isPackage(spec, ['electron']) },
    {
      reason: 'main/hosts 不能引用界面、preload、命令行或外壳代码',
      breaks: (_s, target) => targetIn(target, ['renderer', 'preload', 'cli', 'shell']),
    },
  ],
  main: [
    {
      reason: '只有 src/main/app 和 src/main/index.ts 可以引用 electron',
      breaks: (spec) => isPackage(spec, ['electron']),
    },
    {
      reason: 'main 不能引用界面、preload 或命令行代码',
      breaks: (_s, target) => targetIn(target, ['renderer', 'preload', 'cli']),
    },
  ],
  shell: [
    {
      reason: '外壳不能引用界面、preload 或命令行代码',
      breaks: (_s, target) => targetIn(target, ['renderer', 'preload', 'cli']),
    },
  ],
  preload: [
    {
      reason: 'preload 只能引用 electron 和 shared',
      breaks: (spec, target) => spec !== 'electron' && !targetIn(target, ['shared']),
    },
  ],
  renderer: [
    { reason: 'renderer 不能引用 electron', breaks: (spec) => isPackage(spec, ['electron']) },
    { reason: 'renderer 不能引用 Node 内置模块', breaks: (spec) => isNode(spec) },
    {
      reason: 'renderer 只能引用 renderer 和 shared',
      breaks: (_s, target) => targetOutside(target, ['renderer', 'shared']),
    },
    {
      reason:
        'features/<页> 的文件只能由本页和 router.ts 引用：共用的组件放 src/renderer/components，其他共用代码放 src/renderer/shared',
      breaks: (_s, target, file) => crossesFeature(file, target),
    },
  ],
  cli: [
    { reason: '命令行不能引用 electron', breaks: (spec) => isPackage(spec, ['electron']) },
    {
      reason: '命令行不能引用界面、preload 或外壳代码',
      breaks: (_s, target) => targetIn(target, ['renderer', 'preload', 'shell']),
    },
  ],
  other: [],
};

/** Rules on a file's text rather than its imports. */
const TEXT_RULES = {
  shared: [{ reason: 'shared 不能依赖 DOM（使用了浏览器全局对象）', breaks: (text) => DOM_GLOBALS.test(text) }],
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

function violationsIn(root) {
  const violations = [];
  for (const file of files(join(root, 'src'))) {
    const rel = relative(root, file);
    const layer = layerOf(rel);
    const text = stripComments(readFileSync(file, 'utf8'));
    for (const m of text.matchAll(IMPORT_RE)) {
      const spec = m[1] ?? m[2] ?? m[3];
      if (!spec) continue;
      const target = spec.startsWith('.') ? relative(root, resolve(dirname(file), spec)) : null;
      const broken = RULES[layer].find((rule) => rule.breaks(spec, target, rel));
      if (broken) violations.push(`${rel}: 引用了 "${spec}" —— ${broken.reason}`);
    }
    for (const rule of TEXT_RULES[layer] ?? []) if (rule.breaks(text)) violations.push(`${rel}: ${rule.reason}`);
  }
  return violations;
}

/** The layer table of docs/architecture.md, made from the rules above so the two cannot drift apart. */
export function docTable() {
  const rows = LAYERS.map((layer) => {
    const reasons = [...RULES[layer.name], ...(TEXT_RULES[layer.name] ?? [])].map((r) => r.reason);
    const cell = reasons.map((r) => r.replace(/</g, '&lt;').replace(/>/g, '&gt;')).join('<br>');
    return `| ${layer.name} | \`${layer.folder}\` | ${cell} |`;
  });
  return ['| Layer | Folder | Refused, with the message the check prints |', '| --- | --- | --- |', ...rows].join('\n');
}

export const DOC_START = '<!-- layer table: generated by `node scripts/check-layers.mjs --write-doc` -->';
export const DOC_END = '<!-- end of layer table -->';

function writeDoc(root) {
  const path = join(root, 'docs', 'architecture.md');
  const doc = readFileSync(path, 'utf8');
  const start = doc.indexOf(DOC_START);
  const end = doc.indexOf(DOC_END);
  if (start < 0 || end < start) throw new Error(`${path}: the layer table markers are missing`);
  writeFileSync(path, `${doc.slice(0, start)}${DOC_START}\n${docTable()}\n${doc.slice(end)}`);
}

function main(argv) {
  const rootArg = argv.indexOf('--root');
  const root = resolve(rootArg >= 0 && argv[rootArg + 1] ? argv[rootArg + 1] : process.cwd());
  if (argv.includes('--doc-table')) return console.log(docTable());
  if (argv.includes('--write-doc')) return writeDoc(root);
  const violations = violationsIn(root);
  if (violations.length) {
    console.error(`分层检查未通过（${violations.length} 处）：\n` + violations.map((v) => '  ' + v).join('\n'));
    process.exit(1);
  }
  console.log('分层检查通过。');
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main(process.argv.slice(2));
