// The add-on's sidebar beside the grid: the HTML the script handed to showSidebar, in an iframe
// whose google.script shim (sidebar-shim.ts) reports back with postMessage.
import type { WorkbookView } from '../contract';
import { byId, replace } from './dom';

export interface SidebarEvents {
  /** The sidebar called a server function: the workbook may have changed. */
  serverCall(): void;
  /** × was clicked: the server must forget the sidebar. */
  closeClicked(): void;
}

export class SidebarPanel {
  private readonly panel = byId('sidebar', HTMLElement);
  private readonly frame = byId('sidebar-frame', HTMLIFrameElement);
  private shownVersion: number | null = null;
  /** The version the person closed; a workbook fetched before the close must not reopen it. */
  private closedVersion: number | null = null;

  constructor(events: SidebarEvents) {
    byId('sidebar-close', HTMLButtonElement).addEventListener('click', () => {
      this.hide();
      events.closeClicked();
    });
    // data-loaded tells tests (and people reading the DOM) that the current version finished loading.
    this.frame.addEventListener('load', () => {
      this.frame.dataset.loaded = String(this.shownVersion !== null);
    });
    window.addEventListener('message', (event) => {
      if (event.origin !== location.origin || event.source !== this.frame.contentWindow) return;
      const type = (event.data as { type?: unknown } | null)?.type;
      if (type === 'sidebar-close') this.hide();
      if (type === 'server-call' || type === 'sidebar-close') events.serverCall();
    });
  }

  show(sidebar: WorkbookView['sidebar']): void {
    if (!sidebar) {
      if (!this.panel.hidden) this.hide();
      return;
    }
    if (sidebar.version === this.closedVersion) return;
    replace(byId('sidebar-title', HTMLElement), sidebar.title);
    this.frame.title = sidebar.title || 'Add-on sidebar';
    this.panel.hidden = false;
    if (sidebar.version !== this.shownVersion) {
      this.shownVersion = sidebar.version;
      this.frame.dataset.version = String(sidebar.version);
      this.frame.dataset.loaded = 'false';
      this.frame.src = `/sidebar?v=${encodeURIComponent(String(sidebar.version))}`;
    }
  }

  private hide(): void {
    if (this.shownVersion !== null) this.closedVersion = this.shownVersion;
    this.shownVersion = null;
    this.panel.hidden = true;
    delete this.frame.dataset.version;
    this.frame.dataset.loaded = 'false';
    this.frame.src = 'about:blank';
  }
}
