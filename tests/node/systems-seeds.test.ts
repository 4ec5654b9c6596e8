import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { loadTemplates } from '../../src/main/services/systems/system-loader';
import type { IndicatorSystem, TargetValue } from '../../src/shared/schemas/indicator-system';
import { compactText, numbersOnLine, normalizeWidth, seedLines, seedsAvailable } from '../support/seeds';

const TEMPLATES = resolve(__dirname, '../../templates');

/** A printed fact of a row: where it sits in the file, and its value. */
interface Fact {
  where: string;
  value: TargetValue;
}

function factsOf(system: IndicatorSystem): { indicator: string; lines: number[]; file: string; facts: Fact[] }[] {
  return system.indicators.map((ind) => {
    const facts: Fact[] = [];
    for (const [y, v] of Object.entries(ind.targets)) facts.push({ where: `targets.${y}`, value: v });
    for (const [y, byRegion] of Object.entries(ind.regionTargets))
      for (const [r, v] of Object.entries(byRegion)) facts.push({ where: `regionTargets.${y}.${r}`, value: v });
    for (const [y, v] of Object.entries(ind.actuals ?? {})) facts.push({ where: `actuals.${y}`, value: v });
    if (ind.base) facts.push({ where: `base.${ind.base.year}`, value: ind.base.value });
    if (ind.growthTarget) facts.push({ where: 'growthTarget', value: ind.growthTarget.value });
    if (ind.actualGrowth) facts.push({ where: 'actualGrowth', value: ind.actualGrowth.value });
    for (const [y, list] of Object.entries(ind.milestones))
      for (const m of list) facts.push({ where: `milestones.${y}.${m.period}`, value: m.percent });
    if (!ind.source) throw new Error(`${system.id}/${ind.id}：随程序提供的指标必须注明来源（source）`);
    return {
      indicator: `${system.id}/${ind.id}（${ind.name}）`,
      lines: ind.source.lines,
      file: ind.source.file,
      facts,
    };
  });
}

describe('shipped indicator systems', async () => {
  const loaded = await loadTemplates(TEMPLATES);

  it('all load without problems', () => {
    expect(loaded.problems).toEqual([]);
    expect(loaded.systems.length).toBeGreaterThan(0);
  });

  it.skipIf(!seedsAvailable)('every number is printed on the seed lines its row cites', () => {
    const missing: string[] = [];
    for (const system of loaded.systems) {
      for (const row of factsOf(system)) {
        const lines = seedLines(row.file);
        const cited = row.lines.map((n) => lines[n] ?? '');
        const numbers = new Set(cited.flatMap(numbersOnLine));
        const text = compactText(cited);
        for (const fact of row.facts) {
          if (typeof fact.value === 'number') {
            if (!numbers.has(Math.abs(fact.value)))
              missing.push(
                `${row.indicator} ${fact.where}=${fact.value} 不在 ${row.file} 第 ${row.lines.join(',')} 行`,
              );
          } else if (!text.includes(normalizeWidth(fact.value).replace(/\s/g, ''))) {
            missing.push(
              `${row.indicator} ${fact.where}="${fact.value}" 不在 ${row.file} 第 ${row.lines.join(',')} 行`,
            );
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it.skipIf(!seedsAvailable)('every system cites the seed file its document came from', () => {
    for (const system of loaded.systems) {
      for (const ind of system.indicators)
        expect(ind.source?.file, `${system.id}/${ind.id}`).toBe(system.document.seedFile);
    }
  });
});
