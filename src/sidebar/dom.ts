// Tiny DOM helpers. Data only ever reaches the page as text nodes (textContent), never as HTML.

export type Child = Node | string | number | null | undefined | false;

export interface Props {
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

/** The element with this id, checked to be of the expected kind (the template and script agree). */
export function byId<T extends HTMLElement>(id: string, kind: { new (): T; prototype: T }): T {
  const node = document.getElementById(id);
  if (!(node instanceof kind)) throw new Error(`page: #${id} is missing or not a ${kind.name}`);
  return node;
}

/** "1 code", "2 codes". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "4, 9 and 12". */
export function listWords(items: (string | number)[]): string {
  const words = items.map(String);
  if (words.length < 2) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/**
 * A panel's message area: a polite status line for progress and success, and an alert for
 * errors, so screen readers announce each as it appears. Only one shows at a time.
 */
export class Messages {
  constructor(
    private readonly status: HTMLElement,
    private readonly alert: HTMLElement,
  ) {}

  progress(text: string): void {
    this.show(this.status, text, 'status busy');
  }

  success(...content: Child[]): void {
    this.show(this.status, content, 'status success');
  }

  info(...content: Child[]): void {
    this.show(this.status, content, 'status');
  }

  error(text: string): void {
    this.show(this.alert, text, 'error');
  }

  clear(): void {
    replace(this.status);
    replace(this.alert);
  }

  private show(target: HTMLElement, content: Child | Child[], className: string): void {
    this.clear();
    target.className = className;
    replace(target, ...(Array.isArray(content) ? content : [content]));
  }
}

/**
 * Runs server work with the button disabled (no double submits) and a progress text showing;
 * gives focus back to the button if disabling it took the focus away.
 */
export async function whileBusy<T>(
  button: HTMLButtonElement,
  messages: Messages,
  progress: string,
  work: () => Promise<T>,
): Promise<T> {
  const hadFocus = document.activeElement === button;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  messages.progress(progress);
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (hadFocus && lost) button.focus();
  }
}
