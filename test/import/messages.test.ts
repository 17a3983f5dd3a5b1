// What a failure looks like to a user, through google.script.run as the preview words it: the
// message alone, never an error class name in front of it.
import { describe, expect, it } from 'vitest';
import { sampleWorkbook } from '../../preview/sample';
import { plainMessage } from '../../src/sidebar/script-run';

describe('messages a user reads', () => {
  it('an import refused for an empty file says why, with no class name', () => {
    const sample = sampleWorkbook();
    const outcome = sample.run('previewImport', [
      { sheetName: sample.emulator.sheetNames()[1], csv: '', fileName: 'orders.csv' },
    ]);
    expect(outcome.status).toBe('threw');
    const shown = plainMessage({ message: (outcome as { message: string }).message });
    expect(shown).toBe('The file is empty.');
  });

  it('the sidebar strips any class name Apps Script puts in front', () => {
    expect(plainMessage({ message: 'ImportError: The file is empty.' })).toBe('The file is empty.');
    expect(plainMessage({ message: 'Exception: TypeError: x is not a function' })).toBe(
      'x is not a function',
    );
    expect(plainMessage({ message: 'Errors: 3 rows' })).toBe('Errors: 3 rows');
  });
});
