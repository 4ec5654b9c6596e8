import type { IndicatorSystem } from '../schemas/indicator-system';
import { projectNameOf } from './subject';

/**
 * The document settings a new workspace starts with, all editable on the 设置 page: names made from the 工程 of
 * its first indicator system (not from the workspace's name, which is the clerk's label for the folder), and the
 * distribution most offices use, so the first 简报 already has a complete 版记.
 */
export function newWorkspaceDocuments(init: { name: string; city: string; systems: readonly IndicatorSystem[] }): {
  briefingName: string;
  subject: string;
  issuer: string;
  noticeIssuerMark: string;
  noticeNumberPrefix: string;
  distribution: { bao: string[]; song: string[]; fa: string[] };
} {
  const first = init.systems[0];
  const subject = first ? projectNameOf(first) : init.name;
  const city = `${init.city.replace(/市$/, '')}市`;
  const office = `${city}${subject}工作专班办公室`;
  return {
    briefingName: `${city}${subject}简报`,
    subject,
    issuer: office,
    noticeIssuerMark: office,
    noticeNumberPrefix: `${init.city.slice(0, 1)}专班`,
    distribution: { bao: ['市委、市政府领导'], song: ['市级有关部门'], fa: ['各区县人民政府'] },
  };
}
