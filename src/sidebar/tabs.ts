// The section switcher: a WAI-ARIA tab list (one tab stop; arrows, Home and End move between tabs).

export interface Tabs {
  /** Selects the tab that controls this panel (without moving the focus). */
  show(panelId: string): void;
}

export function setUpTabs(list: HTMLElement, onShow: (panelId: string) => void): Tabs {
  const tabs = Array.from(list.querySelectorAll<HTMLButtonElement>('[role="tab"]'));

  function select(tab: HTMLButtonElement, focus: boolean): void {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute('aria-selected', String(selected));
      other.tabIndex = selected ? 0 : -1;
      const panel = document.getElementById(other.getAttribute('aria-controls') ?? '');
      if (panel) panel.hidden = !selected;
    }
    if (focus) tab.focus();
    onShow(tab.getAttribute('aria-controls') ?? '');
  }

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(tab, false));
    tab.addEventListener('keydown', (event) => {
      const at = tabs.indexOf(tab);
      const next: Record<string, number> = {
        ArrowRight: (at + 1) % tabs.length,
        ArrowLeft: (at - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      };
      if (!(event.key in next)) return;
      event.preventDefault();
      select(tabs[next[event.key]], true);
    });
  }

  return {
    show(panelId) {
      const tab = tabs.find((candidate) => candidate.getAttribute('aria-controls') === panelId);
      if (tab) select(tab, false);
    },
  };
}
