import { createRouter, createWebHashHistory, type RouteRecordRaw } from 'vue-router';

/** The app's sections. Hash history: works from file:// in Electron and from the HTTP host alike. */
export const sections = [
  { path: '/', name: 'start', title: '工作区', component: () => import('./features/start/StartPage.vue') },
  {
    path: '/systems',
    name: 'systems',
    title: '指标体系',
    component: () => import('./features/systems/SystemsPage.vue'),
  },
  { path: '/entry', name: 'entry', title: '数据填报', component: () => import('./features/entry/EntryPage.vue') },
  { path: '/review', name: 'review', title: '审核', component: () => import('./features/review/ReviewPage.vue') },
  {
    path: '/rankings',
    name: 'rankings',
    title: '排名亮晒',
    component: () => import('./features/rankings/RankingsPage.vue'),
  },
  {
    path: '/briefing',
    name: 'briefing',
    title: '简报',
    component: () => import('./features/briefing/BriefingPage.vue'),
  },
  {
    path: '/issued',
    name: 'issued',
    title: '已签发',
    component: () => import('./features/issued/IssuedPage.vue'),
  },
  { path: '/import', name: 'import', title: '导入', component: () => import('./features/import/ImportPage.vue') },
  {
    path: '/settings',
    name: 'settings',
    title: '设置',
    component: () => import('./features/settings/SettingsPage.vue'),
  },
] as const;

const routes: RouteRecordRaw[] = [
  ...sections.map((s) => ({ path: s.path, name: s.name, component: s.component, meta: { title: s.title } })),
  { path: '/:rest(.*)*', redirect: '/' },
];

export const router = createRouter({ history: createWebHashHistory(), routes });
