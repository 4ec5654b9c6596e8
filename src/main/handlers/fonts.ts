import type { NamespaceHandlers } from '../hosts/dispatch';
import { checkOfficialFonts } from '../services/fonts/font-check';

export function fontsHandlers(): NamespaceHandlers<'fonts'> {
  return {
    'fonts.check': () => checkOfficialFonts(),
  };
}
