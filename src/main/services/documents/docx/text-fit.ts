import { fitOneLinePt as fitToWidth } from '../../../../shared/report/layout-text';
import { TEXT_WIDTH } from './units';

export { emWidth } from '../../../../shared/report/layout-text';

/** The largest size at which `text` stays on one line of the type area (see the shared measure). */
export function fitOneLinePt(text: string, maxPt: number, minPt: number, widthTwips = TEXT_WIDTH): number {
  return fitToWidth(text, maxPt, minPt, widthTwips);
}
