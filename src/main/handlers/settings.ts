import type { NamespaceHandlers } from '../hosts/dispatch';
import type { Services } from '../services/container';
import { updateSettings } from '../services/settings/settings-update';

export function settingsHandlers({ session }: Services): NamespaceHandlers<'settings'> {
  return {
    'settings.get': () => session.require().settings,
    'settings.update': ({ patch }) => updateSettings(session.require(), patch),
  };
}
