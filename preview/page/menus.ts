// The menu bar: File (save, open, export) and Extensions, whose submenu is the add-on menu
// the script built with createAddonMenu.
import type { WorkbookView } from '../contract';
import { button, el, replace } from './dom';

export interface MenuActions {
  save(): void;
  open(): void;
  exportXlsx(): void;
  run(functionName: string): void;
}

type Menus = WorkbookView['menus'];

export class MenuBar {
  private openMenu: { trigger: HTMLButtonElement; panel: HTMLElement } | null = null;
  private readonly extensions: HTMLElement;
  private menusKey = '';

  constructor(
    bar: HTMLElement,
    private readonly actions: MenuActions,
  ) {
    this.menu(bar, 'File', 'menu-file', (panel) => {
      panel.append(
        this.item('Save snapshot (.json)', actions.save),
        this.item('Open snapshot…', actions.open),
        this.item('Download as .xlsx', actions.exportXlsx),
      );
    });
    this.extensions = this.menu(bar, 'Extensions', 'menu-extensions', () => {});
    document.addEventListener('mousedown', (event) => {
      if (this.openMenu && !bar.contains(event.target as Node)) this.close();
    });
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.openMenu) {
        const trigger = this.openMenu.trigger;
        this.close();
        trigger.focus();
      }
    });
  }

  /** Rebuilds Extensions when the script's menu changed. */
  setAddonMenus(menus: Menus): void {
    const key = JSON.stringify(menus);
    if (key === this.menusKey) return;
    this.menusKey = key;
    const groups = menus.map((menu, index) => {
      const items = el('div', { className: 'menu-panel submenu' });
      items.append(
        ...menu.items.map((item) =>
          this.item(item.caption, () => this.actions.run(item.functionName)),
        ),
      );
      // With one add-on (the usual case) its items show as soon as Extensions opens.
      items.hidden = !(menus.length === 1 || index === 0);
      const title = el('button', {
        className: 'menu-item has-submenu',
        attrs: { 'aria-haspopup': 'menu' },
      });
      title.type = 'button';
      title.append(
        el('span', {}, menu.title),
        el('span', { className: 'menu-arrow', attrs: { 'aria-hidden': 'true' } }, '▸'),
      );
      const group = el('div', { className: 'menu-group' }, title, items);
      const showOnly = () => {
        for (const other of this.extensions.querySelectorAll<HTMLElement>('.submenu'))
          other.hidden = other !== items;
      };
      title.addEventListener('mouseenter', showOnly);
      title.addEventListener('click', showOnly);
      return group;
    });
    replace(
      this.extensions,
      ...(groups.length > 0
        ? groups
        : [
            el(
              'div',
              { className: 'menu-empty' },
              'The add-on has not added a menu (onOpen did not run).',
            ),
          ]),
    );
  }

  private menu(
    bar: HTMLElement,
    caption: string,
    id: string,
    fill: (panel: HTMLElement) => void,
  ): HTMLElement {
    const panel = el('div', { className: 'menu-panel' });
    panel.hidden = true;
    fill(panel);
    const trigger = button(
      caption,
      () => (this.openMenu?.panel === panel ? this.close() : this.show(trigger, panel)),
      {
        id,
        className: 'menu-button',
        attrs: { 'aria-haspopup': 'menu', 'aria-expanded': 'false' },
      },
    );
    trigger.addEventListener('mouseenter', () => {
      if (this.openMenu && this.openMenu.panel !== panel) this.show(trigger, panel);
    });
    bar.append(el('div', { className: 'menu' }, trigger, panel));
    return panel;
  }

  private item(caption: string, action: () => void): HTMLButtonElement {
    return button(
      caption,
      () => {
        this.close();
        action();
      },
      { className: 'menu-item' },
    );
  }

  private show(trigger: HTMLButtonElement, panel: HTMLElement): void {
    this.close();
    panel.hidden = false;
    trigger.setAttribute('aria-expanded', 'true');
    trigger.classList.add('open');
    this.openMenu = { trigger, panel };
  }

  private close(): void {
    if (!this.openMenu) return;
    this.openMenu.panel.hidden = true;
    this.openMenu.trigger.setAttribute('aria-expanded', 'false');
    this.openMenu.trigger.classList.remove('open');
    this.openMenu = null;
  }
}
