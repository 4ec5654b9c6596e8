import { resolve } from 'node:path';

export const PROJECT_ROOT = resolve(__dirname, '../..');
