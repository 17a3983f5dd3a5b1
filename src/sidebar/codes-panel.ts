// "Codes & links": preview the promo codes and tracking links for rows that lack them, then write them.
import type { CodesPlan, CodesRequest, Duplicate, SidebarState } from '../shared/api';
import { byId, type Child, count, el, listWords, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';
import { fillTrackerPicker, sidebarStateLoader } from './tracker-picker';

export interface CodesPanel {
  /** Loads the trackers and team settings the first time (and again after a tracker was created). */
  show(): void;
  /** A new tracker exists: reload the list next time the panel shows. */
  trackersChanged(): void;
}

function writeLabel(plan: CodesPlan): string {
  const codes = plan.planned.filter((cell) => cell.code).length;
  const links = plan.planned.filter((cell) => cell.link).length;
  return `${count(codes, 'code')} and ${count(links, 'link')}`;
}

function plannedList(plan: CodesPlan): Child {
  if (plan.planned.length === 0) return null;
  return el(
    'ol',
    { className: 'cards' },
    ...plan.planned.map((cell) =>
      el(
        'li',
        {},
        el(
          'div',
          { className: 'card-title' },
          `Row ${cell.row}`,
          el('span', { className: 'handle' }, cell.handle),
        ),
        cell.code
          ? el('div', {}, el('span', { className: 'key' }, 'Code '), el('code', {}, cell.code))
          : null,
        cell.link
          ? el('div', { className: 'link' }, el('span', { className: 'key' }, 'Link '), cell.link)
          : null,
      ),
    ),
  );
}

function duplicateWords(duplicate: Duplicate): Child[] {
  const kind = duplicate.kind === 'code' ? 'Code' : 'Link';
  return [`${kind} `, el('code', {}, duplicate.value), ` in rows ${listWords(duplicate.rows)}`];
}

function problems(plan: CodesPlan): Child[] {
  const parts: Child[] = [];
  if (plan.duplicates.length > 0) {
    parts.push(
      el('h3', {}, 'Already duplicated in the tracker'),
      el(
        'p',
        { className: 'hint' },
        'Each influencer needs their own code and link, or sales can’t be told apart. Change these by hand; no new duplicates are written.',
      ),
      el(
        'ul',
        { className: 'plain warn' },
        ...plan.duplicates.map((d) => el('li', {}, ...duplicateWords(d))),
      ),
    );
  }
  if (plan.skipped.length > 0) {
    parts.push(
      el('h3', {}, 'Skipped rows'),
      el(
        'ul',
        { className: 'plain' },
        ...plan.skipped.map((skip) =>
          el('li', {}, el('strong', {}, `Row ${skip.row}: `), skip.reason),
        ),
      ),
    );
  }
  return parts;
}

export function setUpCodesPanel(): CodesPanel {
  const form = byId('codes-form', HTMLFormElement);
  const tracker = byId('codes-tracker', HTMLSelectElement);
  const prefix = byId('brand-prefix', HTMLInputElement);
  const suffix = byId('code-suffix', HTMLInputElement);
  const landing = byId('landing-page', HTMLInputElement);
  const preview = byId('codes-preview', HTMLButtonElement);
  const apply = byId('codes-apply', HTMLButtonElement);
  const result = byId('codes-result', HTMLElement);
  const messages = new Messages(
    byId('codes-status', HTMLElement),
    byId('codes-error', HTMLElement),
  );
  /** The request the shown preview answers; writing sends exactly this. */
  let previewed: CodesRequest | null = null;

  const forgetPreview = () => {
    previewed = null;
    apply.hidden = true;
    replace(result);
  };
  for (const input of [tracker, prefix, suffix, landing]) {
    input.addEventListener('input', () => {
      if (previewed) {
        forgetPreview();
        messages.clear();
      }
    });
  }

  function fill(state: SidebarState): void {
    const none = !fillTrackerPicker(tracker, state, messages);
    tracker.disabled = none;
    preview.disabled = none;
    if (!prefix.value) prefix.value = state.team.brandPrefix;
    if (!suffix.value) suffix.value = state.team.codeSuffix;
    if (!landing.value) landing.value = state.team.landingPage;
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (preview.disabled) return;
    forgetPreview();
    messages.clear();
    const request: CodesRequest = {
      sheetName: tracker.value,
      brandPrefix: prefix.value.trim(),
      codeSuffix: suffix.value.trim(),
      landingPage: landing.value.trim(),
    };
    try {
      const plan = await whileBusy(preview, messages, 'Checking the tracker…', () =>
        callServer('previewCodesAndLinks', request),
      );
      const nothing = plan.planned.length === 0;
      messages.success(
        nothing
          ? 'Nothing to write: every row with a handle already has a code and a link.'
          : `Ready to write ${writeLabel(plan)}. Nothing is written until you confirm.`,
      );
      replace(
        result,
        nothing ? null : el('h3', {}, `Preview for “${plan.sheetName}”`),
        plannedList(plan),
        ...problems(plan),
      );
      if (!nothing) {
        previewed = request;
        replace(apply, `Write ${writeLabel(plan)}`);
        apply.hidden = false;
      }
    } catch (error) {
      messages.error((error as Error).message);
    }
  });

  apply.addEventListener('click', async () => {
    const request = previewed;
    if (!request || apply.disabled) return;
    try {
      const done = await whileBusy(apply, messages, 'Writing codes and links…', () =>
        callServer('applyCodesAndLinks', request),
      );
      forgetPreview();
      messages.success(
        `Wrote ${count(done.codesWritten, 'code')} and ${count(done.linksWritten, 'link')} in “${done.sheetName}”`,
      );
      replace(
        result,
        done.planned.length > 0 ? el('h3', {}, 'Written') : null,
        plannedList(done),
        ...problems(done),
      );
      preview.focus();
    } catch (error) {
      messages.error((error as Error).message);
    }
  });

  return sidebarStateLoader(messages, fill);
}
