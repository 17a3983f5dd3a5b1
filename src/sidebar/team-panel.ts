// "Team": who has access, and adding teammates by email (several at once, each reported).
import type { AddStatus, AddTeammatesResult, Role, TeamList } from '../shared/api';
import { byId, type Child, count, el, Messages, replace, whileBusy } from './dom';
import { callServer } from './script-run';

export interface TeamPanel {
  show(): void;
}

const STATUS_WORDS: Record<AddStatus, string> = {
  added: 'Added',
  already: 'Already had access',
  invalid: 'Not a valid address',
  skipped: 'Not added',
};

function people(title: string, emails: string[]): Child[] {
  return [
    el('dt', {}, title),
    ...(emails.length > 0
      ? emails.map((email) => el('dd', {}, email))
      : [el('dd', { className: 'none' }, 'Nobody')]),
  ];
}

function teamList(team: TeamList): Child {
  return el(
    'dl',
    { className: 'people' },
    ...people('Owner', team.owner ? [team.owner] : []),
    ...people(`Editors (${team.editors.length})`, team.editors),
    ...people(`Viewers (${team.viewers.length})`, team.viewers),
  );
}

function resultList(result: AddTeammatesResult): Child {
  return el(
    'ul',
    { className: 'plain results' },
    ...result.results.map((item) =>
      el(
        'li',
        { className: `result-${item.status}` },
        el('span', { className: 'email' }, item.email),
        el(
          'span',
          { className: `badge badge-${item.status}` },
          STATUS_WORDS[item.status] ?? item.status,
        ),
        item.message ? el('span', { className: 'hint' }, item.message) : null,
      ),
    ),
  );
}

export function setUpTeamPanel(): TeamPanel {
  const list = byId('team-list', HTMLElement);
  const form = byId('team-form', HTMLFormElement);
  const emails = byId('team-emails', HTMLTextAreaElement);
  const role = byId('team-role', HTMLSelectElement);
  const add = byId('team-add', HTMLButtonElement);
  const results = byId('team-results', HTMLElement);
  const messages = new Messages(byId('team-status', HTMLElement), byId('team-error', HTMLElement));
  let loaded: 'no' | 'loading' | 'yes' = 'no';

  async function load(): Promise<void> {
    if (loaded !== 'no') return;
    loaded = 'loading';
    replace(list, el('p', { className: 'hint' }, 'Loading…'));
    try {
      replace(list, teamList(await callServer('listTeam')));
      loaded = 'yes';
    } catch (error) {
      loaded = 'no';
      replace(
        list,
        el('p', { className: 'error', attrs: { role: 'alert' } }, (error as Error).message),
      );
    }
  }

  // Enter makes a new line in the address box; Ctrl+Enter (or Cmd+Enter) adds.
  emails.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (add.disabled) return;
    messages.clear();
    replace(results);
    if (!emails.value.trim()) {
      messages.error('Enter at least one email address.');
      emails.focus();
      return;
    }
    const chosen = role.value as Role;
    try {
      const result = await whileBusy(add, messages, 'Adding…', () =>
        callServer('addTeammates', { emails: emails.value, role: chosen }),
      );
      replace(list, teamList(result.team));
      loaded = 'yes';
      replace(results, resultList(result));
      const invalid = result.results.filter((item) => item.status === 'invalid').length;
      const added = result.results.filter((item) => item.status === 'added').length;
      if (invalid > 0) {
        const them = invalid === 1 ? 'it' : 'them';
        messages.error(
          `Nothing changed: ${count(invalid, 'address is', 'addresses are')} not valid. Correct ${them} and add again.`,
        );
        return;
      }
      messages.success(
        result.changed && added > 0
          ? `Added ${count(added, chosen)}.`
          : 'Nothing changed: everyone already had access.',
      );
      emails.value = '';
    } catch (error) {
      messages.error((error as Error).message);
    }
  });

  return { show: () => void load() };
}
