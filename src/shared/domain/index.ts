/**
 * Pure calculation core: periods, rounding and formatting, statistical wording, completion and time
 * progress, year-on-year change, targets, ranks, composite scores and status flags.
 * No clock, no I/O: the period and every figure are passed in.
 */
export * from './outcome';
export * from './periods';
export * from './period-labels';
export * from './rounding';
export { DASH, formatFigure, formatPercent, formatPlain, formatRank } from './format';
export * from './phrases';
export * from './completion';
export * from './progress';
export * from './yoy';
export * from './target-types';
export { parseTarget, parseTargetText } from './targets';
export { describeTarget } from './target-describe';
export * from './target-eval';
export * from './ranks';
export * from './composite';
export { compositeRuleText } from './composite-rule';
export * from './flags';
