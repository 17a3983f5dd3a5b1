// "Repair tracker" in sheet calls that read or write the spreadsheet (the emulator's count): a
// fixed number whatever the rows, for a value typed into a computed column and for a tracker
// that lost its protections and highlights too.
import { loadEmulator } from './emulator.mjs';

const MAX_REPAIR_CALLS = 40;
const FORM = {
  campaignName: 'Bench',
  product: '',
  currency: 'USD',
  goalType: 'orders',
  goalTarget: 100,
  otherChannelCac: 10,
};

function repairCalls(createEmulator, startingRows, stripped) {
  const emulator = createEmulator();
  const script = emulator.load();
  script.call('createTracker', { ...FORM, startingRows });
  const handles = Array.from({ length: startingRows }, (_, i) => [`@creator${i}`, 'Instagram']);
  emulator.type('Bench', 'A8', handles);
  emulator.type('Bench', 'S9', [[999]]);
  if (stripped) {
    const sheet = emulator.services.SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Bench');
    const { RANGE } = emulator.services.SpreadsheetApp.ProtectionType;
    for (const protection of sheet.getProtections(RANGE)) protection.remove();
    sheet.setConditionalFormatRules([]);
  }
  emulator.calls.reset();
  script.call('repairTracker', { sheetName: 'Bench' });
  return emulator.calls.spreadsheetCount();
}

export async function benchRepair() {
  const { createEmulator } = await loadEmulator();
  const [small, large] = [25, 1000].map((rows) => repairCalls(createEmulator, rows, false));
  const stripped = repairCalls(createEmulator, 25, true);
  return [
    {
      check: 'repairTracker calls, a value typed in a computed column: 25 rows vs 1,000 rows',
      measured: `${small} vs ${large}`,
      limit: `equal, at most ${MAX_REPAIR_CALLS}`,
      pass: small === large && large <= MAX_REPAIR_CALLS,
    },
    {
      check: 'repairTracker calls, protections and highlights removed too (25 rows)',
      measured: `${stripped}`,
      limit: `at most ${MAX_REPAIR_CALLS}`,
      pass: stripped <= MAX_REPAIR_CALLS,
    },
  ];
}
