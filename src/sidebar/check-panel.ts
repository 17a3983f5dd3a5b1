// "Check this spreadsheet" (in the Team tab): runs the self-check, says whether every figure
// agrees or lists each mismatch with its formula, and writes the report to a sheet on request.
import type { CheckMismatch, CheckResult } from '../shared/api';
import { checkSummary, shownValue } from '../shared/check-words';
import { byId, type Child, el, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';

export interface CheckPanel {
  /** Runs the check (the menu item opens the sidebar on it). */
  run(): void;
}

function mismatchItem(m: CheckMismatch): Child {
  return el(
    'li',
    {},
    el('strong', {}, `${m.sheet} ${m.cell}: ${m.what}`),
    el(
      'span',
      { className: 'hint' },
      ` expected ${shownValue(m.expected)}, Sheets shows ${shownValue(m.got)}`,
    ),
    el('code', { className: 'formula' }, m.formula),
  );
}

/** The first mismatches in full; the report sheet holds them all. */
const SHOWN = 50;

function resultView(result: CheckResult): Child {
  const { mismatches } = result;
  if (mismatches.length === 0) return null;
  const more = mismatches.length - SHOWN;
  return el(
    'div',
    {},
    el('ul', { className: 'plain mismatches' }, ...mismatches.slice(0, SHOWN).map(mismatchItem)),
    more > 0
      ? el('p', { className: 'hint' }, `And ${more} more: the report sheet lists them all.`)
      : null,
  );
}

export function setUpCheckPanel(): CheckPanel {
  const run = byId('check-run', HTMLButtonElement);
  const report = byId('check-report', HTMLButtonElement);
  const shown = byId('check-result', HTMLElement);
  const messages = new Messages(
    byId('check-status', HTMLElement),
    byId('check-error', HTMLElement),
  );
  let last: CheckResult | null = null;

  async function check(): Promise<void> {
    if (run.disabled) return;
    replace(shown);
    report.hidden = true;
    try {
      last = await whileBusy(run, messages, 'Checking… (up to a minute)', () =>
        callServer('checkSpreadsheet'),
      );
      const left =
        last.sheetsLeft > 0
          ? ` ${last.sheetsLeft} sample sheet(s) could not be removed: delete the sheets named "ROI self-check …".`
          : '';
      if (last.mismatches.length === 0) messages.success(`${checkSummary(last)}${left}`);
      else
        messages.error(
          `${checkSummary(last)} Write the report to a sheet and share it with us.${left}`,
        );
      replace(shown, resultView(last));
      report.hidden = false;
    } catch (error) {
      messages.error((error as Error).message);
    }
  }

  report.addEventListener('click', async () => {
    if (!last || report.disabled) return;
    const result = last;
    try {
      const written = await whileBusy(report, messages, 'Writing the report…', () =>
        callServer('writeCheckReport', result),
      );
      messages.success(`The report is on the sheet "${written.sheetName}".`);
    } catch (error) {
      messages.error((error as Error).message);
    }
  });
  run.addEventListener('click', () => void check());
  return { run: () => void check() };
}
