// The sidebar's DOM helpers serve the preview page too: text only ever goes in as text nodes.
import { el, type Props } from '../../src/sidebar/dom';

export { append, byId, type Child, el, replace } from '../../src/sidebar/dom';

/** A button whose caption is text. */
export function button(caption: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const node = el('button', props, caption);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}
