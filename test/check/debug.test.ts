import { expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

it('debug', () => {
  const emulator = createEmulator();
  const script = emulator.load();
  const result = script.call('checkSpreadsheet') as any;
  console.log(result.checked, result.sheetsLeft, result.seconds, emulator.sheetNames());
  for (const m of result.mismatches.slice(0, 60)) console.log(JSON.stringify({ ...m, formula: m.formula.slice(0, 100) }));
  expect(result.mismatches.length).toBe(0);
});
