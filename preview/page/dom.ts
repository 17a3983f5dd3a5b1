// Tiny DOM helpers. Workbook text only ever reaches the page as text nodes, never as HTML.

export type Child = Node | string | number | null | undefined | false;

interface Props {
  className?: string;
  id?: string;
  /** Attributes set with setAttribute; values are plain strings, never markup. */
  attrs?: Record<string, string>;
}

/** Creates an element; string children become text nodes. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces a node's content with the given children. */
export function replace(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** A button whose caption is text. */
export function button(caption: string, onClick: () => void, props: Props = {}): HTMLButtonElement {
  const node = el('button', props, caption);
  node.type = 'button';
  node.addEventListener('click', onClick);
  return node;
}

/** The element with this id, checked to be of the expected kind (index.html and the script agree). */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`preview: #${id} is missing or not a ${kind.name}`);
  return node;
}
