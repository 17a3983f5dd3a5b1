// "Repair a tracker" in the Tracker tab: folded until opened (opening it loads the trackers), then
// repairs the chosen tracker and says what was put back.
import { byId, Messages, whileBusy } from './dom';
import { callServer } from './script-run';
import { fillTrackerPicker, sidebarStateLoader } from './tracker-picker';

export function setUpRepairForm(): { trackersChanged(): void } {
  const section = byId('repair-section', HTMLDetailsElement);
  const form = byId('repair-form', HTMLFormElement);
  const select = byId('repair-tracker', HTMLSelectElement);
  const button = byId('repair-button', HTMLButtonElement);
  const messages = new Messages(
    byId('repair-status', HTMLElement),
    byId('repair-error', HTMLElement),
  );
  const loader = sidebarStateLoader(messages, (state) => {
    button.disabled = !fillTrackerPicker(select, state, messages);
  });
  section.addEventListener('toggle', () => {
    if (section.open) loader.show();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (button.disabled || !select.value) return;
    messages.clear();
    try {
      const result = await whileBusy(button, messages, 'Repairing tracker…', () =>
        callServer('repairTracker', { sheetName: select.value }),
      );
      messages.success(
        result.repaired.length === 0
          ? `“${result.sheetName}” needed no repair.`
          : `Repaired “${result.sheetName}”: ${result.repaired.join('; ')}.`,
      );
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
  return {
    trackersChanged: () => {
      loader.trackersChanged();
      if (section.open) loader.show();
    },
  };
}
