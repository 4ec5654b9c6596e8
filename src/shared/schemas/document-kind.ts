import { z } from 'zod';

/**
 * The kinds of document the app drafts, in the order the app offers them. What each kind consists of (its
 * parts, counter and layout) is described once, in src/shared/report/kinds.ts.
 */
export const DOCUMENT_KINDS = ['简报', '运行分析报告', '通报'] as const;

export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;
