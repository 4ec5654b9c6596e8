import type { IndicatorSystem } from '../schemas/indicator-system';

/**
 * What a document is about, as its title says it ("2023年1—9月数字经济创新提质“一号发展工程”主要指标运行情况"):
 * the 工程 or plan an indicator system comes from, read from the title of its plan document.
 *
 * | plan document                                                     | subject                              |
 * | 湖州市数字经济创新提质“一号发展工程”实施方案                        | 数字经济创新提质“一号发展工程”        |
 * | 湖州市服务业高质量发展"十百千"工程实施方案(2023—2027年)             | 服务业高质量发展"十百千"工程           |
 * | 湖州市聚焦八大新兴产业链建设聚力打造湖州市先进制造业集群行动方案(…) | 先进制造业集群                        |
 * | 2023年嘉兴市国民经济和社会发展计划                                  | 国民经济和社会发展计划                |
 * | 湖州市国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要     | 国民经济和社会发展第十四个五年规划    |
 * | 嘉兴市专精特新中小企业培育三年行动计划(2023—2025年)                 | 专精特新中小企业培育                  |
 */
export function projectNameOf(system: Pick<IndicatorSystem, 'document' | 'city'>): string {
  const { title: planTitle } = system.document;
  let t = planTitle.trim();
  t = t.replace(/[（(][^()（）]*\d{4}[^()（）]*[)）]\s*$/, '');
  t = t.replace(/^\d{4}年/, '');
  t = t.replace(new RegExp(`^${escape(system.city)}市`), '');
  const project = /^(.*工程[”"]?)/.exec(t);
  if (project?.[1]) return project[1];
  t = t.replace(/(和二〇三五年远景目标纲要|纲要)$/, '');
  t = t.replace(/(三年)?(实施方案|推进方案|行动方案|工作方案|行动计划|若干措施|实施意见)$/, '');
  const built = /打造(?:.{2,4}?市)?(.+)$/.exec(t);
  if (built?.[1]) return built[1];
  t = t.replace(/^支持/, '');
  return t || planTitle;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
