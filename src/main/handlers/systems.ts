import { AppError } from '../../shared/errors';
import { withoutUndefined } from '../../shared/objects';
import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { validateSystem } from '../services/systems/system-loader';

export function systemsHandlers({ session, templates }: Services): NamespaceHandlers<'systems'> {
  return {
    'systems.get': ({ id }) => session.require().system(id),
    'systems.updateIndicator': async ({ systemId, indicatorId, patch }) => {
      const ws = session.require();
      const system = structuredClone(ws.system(systemId));
      const index = system.indicators.findIndex((i) => i.id === indicatorId);
      const current = system.indicators[index];
      if (!current) throw new AppError('NOT_FOUND', `指标体系“${system.title}”中没有指标“${indicatorId}”。`);
      system.indicators[index] = { ...current, ...withoutUndefined(patch) };
      const registries = new Map((await templates.registries()).map((r) => [r.cityId, r]));
      const checked = validateSystem(system, registries);
      if (!checked.ok) throw new AppError('BAD_INPUT', `修改未保存：${checked.problems.join('；')}`, checked.problems);
      await ws.replaceSystem(checked.value, `修改指标“${current.name}”（${Object.keys(patch).join('、')}）`);
      return checked.value;
    },
  };
}
