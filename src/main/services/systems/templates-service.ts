import type { SystemSummary } from '../../../shared/api-types';
import { AppError } from '../../../shared/errors';
import type { IndicatorSystem } from '../../../shared/schemas/indicator-system';
import type { RegionRegistry } from '../../../shared/schemas/region';
import { activeIndicators } from '../../../shared/systems/accessors';
import { loadTemplates, type FileProblem } from './system-loader';

export function summarize(system: IndicatorSystem): SystemSummary {
  return {
    id: system.id,
    title: system.title,
    city: system.city,
    document: system.document.title,
    ...(system.document.docNumber ? { docNumber: system.document.docNumber } : {}),
    years: system.years,
    ...(system.year ? { year: system.year } : {}),
    ...(system.previous ? { previousId: system.previous.systemId } : {}),
    indicatorCount: activeIndicators(system).length,
    archivedCount: system.indicators.length - activeIndicators(system).length,
    regionCount: system.regions.length,
  };
}

/** The indicator systems and region lists that ship with the app (read-only). */
export class TemplatesService {
  private loaded?: Promise<{ systems: IndicatorSystem[]; registries: RegionRegistry[]; problems: FileProblem[] }>;

  constructor(private readonly templatesDir: string) {}

  private load() {
    this.loaded ??= loadTemplates(this.templatesDir);
    return this.loaded;
  }

  async list(): Promise<SystemSummary[]> {
    return (await this.load()).systems.map(summarize);
  }

  async all(): Promise<IndicatorSystem[]> {
    return (await this.load()).systems;
  }

  async get(id: string): Promise<IndicatorSystem> {
    const system = (await this.load()).systems.find((s) => s.id === id);
    if (!system) throw new AppError('NOT_FOUND', `没有编号为“${id}”的指标体系模板。`, id);
    return system;
  }

  async registries(): Promise<RegionRegistry[]> {
    return (await this.load()).registries;
  }

  async registryForCity(city: string): Promise<RegionRegistry> {
    const registry = (await this.load()).registries.find((r) => r.city === city || r.cityId === city);
    if (!registry) throw new AppError('NOT_FOUND', `没有城市“${city}”的区县清单。`, city);
    return registry;
  }

  async problems(): Promise<FileProblem[]> {
    return (await this.load()).problems;
  }
}
