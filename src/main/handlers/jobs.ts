import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';

export function jobsHandlers({ jobs }: Services): NamespaceHandlers<'jobs'> {
  return {
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
  };
}
