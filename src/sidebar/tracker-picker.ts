// The tracker dropdown the Codes and Import panels share: the spreadsheet's trackers, keeping the
// user's choice, else the active tracker; a hint when there is none yet.
import type { SidebarState } from '../shared/api';
import { el, type Messages, replace } from './dom';

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
