/**
 * A standalone chart put into a page as one labelled picture (a meeting pack's waiting charts, a
 * partner's trends, the balancing measures): as charts/inline-picture.ts, with the label a picture
 * needs; the words and tables beside it say the rest.
 */
import { inlinePicture } from '../../charts/inline-picture.js';
import { trustedSvg, type ChartForWidths, type TrustedSvg } from '../views/trusted-svg.js';

export function labelledPicture(svg: string, label: string): TrustedSvg {
  return trustedSvg(inlinePicture(svg, label));
}

/** The pictures made of each owner's drawings (`labelledPictureOf`), kept while the owner is. */
const pictures = new WeakMap<object, Map<string, { readonly label: string; readonly picture: TrustedSvg }>>();

/**
 * `labelledPicture` of a drawing that `owner` holds (an aim of a meeting pack, a partner's trend,
 * kept in the figures cache while its figures are current), made once for as long as the owner is
 * kept, not read again for every page that shows it.
 */
export function labelledPictureOf(owner: object, svg: string, label: string): TrustedSvg {
  let made = pictures.get(owner);
  if (!made) pictures.set(owner, (made = new Map()));
  const found = made.get(svg);
  if (found?.label === label) return found.picture;
  const picture = labelledPicture(svg, label);
  made.set(svg, { label, picture });
  return picture;
}

/** A chart drawn at both sizes by `draw` (trusted-svg.tsx, `drawnForWidths`), each drawing labelled as `labelledPicture` labels one. */
export function labelledForWidths(draw: (size: 'full' | 'small') => string, label: string): ChartForWidths {
  return { wide: labelledPicture(draw('full'), label), narrow: labelledPicture(draw('small'), label) };
}
