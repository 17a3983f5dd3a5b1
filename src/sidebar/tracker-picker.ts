// What the Codes and Import panels share: the sidebar state, loaded once when the panel is first
// shown (again after a tracker was created), and the tracker dropdown it fills.
import type { SidebarState } from '../shared/api';
import { el, type Messages, replace } from './dom';
import { callServer } from './script-run';

/** A panel's show() and trackersChanged(): the state is fetched on first show, and after a change. */
export function sidebarStateLoader(messages: Messages, fill: (state: SidebarState) => void) {
  let loaded: 'no' | 'loading' | 'yes' = 'no';
  async function load(): Promise<void> {
    if (loaded !== 'no') return;
    loaded = 'loading';
    messages.progress('Loading trackers…');
    try {
      const state = await callServer('getSidebarState');
      messages.clear();
      fill(state);
      loaded = 'yes';
    } catch (error) {
      loaded = 'no';
      messages.error((error as Error).message);
    }
  }
  return {
    show: () => void load(),
    trackersChanged: () => {
      if (loaded === 'yes') loaded = 'no';
    },
  };
}

/** Fills the select; false when the spreadsheet has no tracker yet (the panel then disables itself). */
export function fillTrackerPicker(
  select: HTMLSelectElement,
  state: SidebarState,
  messages: Messages,
): boolean {
  const chosen = select.value || state.activeTracker || '';
  if (state.trackers.length === 0) {
    replace(select, el('option', { attrs: { value: '' } }, 'No tracker yet'));
    messages.info('Create a tracker first (Tracker tab), then come back here.');
    return false;
  }
  replace(select, ...state.trackers.map((name) => el('option', { attrs: { value: name } }, name)));
  const preferred = [state.activeTracker, chosen].find(
    (name) => name && state.trackers.includes(name),
  );
  if (preferred) select.value = preferred;
  return true;
}
