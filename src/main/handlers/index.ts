import type { Handlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { appHandlers } from './app';
import { auditHandlers } from './audit';
import { briefingHandlers } from './briefing';
import { documentsHandlers } from './documents';
import { figuresHandlers } from './figures';
import { fontsHandlers } from './fonts';
import { formsHandlers } from './forms';
import { importHandlers } from './import';
import { issuedHandlers } from './issued';
import { jobsHandlers } from './jobs';
import { reportHandlers } from './report';
import { returnsHandlers } from './returns';
import { reviewHandlers } from './review';
import { settingsHandlers } from './settings';
import { regionsHandlers } from './regions';
import { systemsHandlers } from './systems';
import { templatesHandlers } from './templates';
import { workspaceHandlers } from './workspace';

/**
 * The handler table: the contract's calls bound to the services, shared by every host. One file per
 * contract namespace, each typed to hold exactly that namespace's calls; the Handlers type makes the
 * table complete.
 */
export function createHandlers(services: Services): Handlers {
  return {
    ...appHandlers(services),
    ...templatesHandlers(services),
    ...workspaceHandlers(services),
    ...systemsHandlers(services),
    ...regionsHandlers(services),
    ...figuresHandlers(services),
    ...reportHandlers(services),
    ...briefingHandlers(services),
    ...settingsHandlers(services),
    ...fontsHandlers(),
    ...documentsHandlers(services),
    ...jobsHandlers(services),
    ...auditHandlers(services),
    ...formsHandlers(services),
    ...importHandlers(services),
    ...reviewHandlers(services),
    ...returnsHandlers(services),
    ...issuedHandlers(services),
  };
}
