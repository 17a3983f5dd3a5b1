// The Team panel's server side, in the built bundle against the emulated spreadsheet.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';

function team() {
  const emulator = createEmulator({
    owner: 'founder@shop.com',
    user: 'founder@shop.com',
    editors: ['marketer@shop.com'],
    viewers: ['va@agency.io'],
  });
  return { emulator, script: emulator.load() };
}

describe('sharing with the team', () => {
  it('lists the owner, editors and viewers', () => {
    const { script } = team();
    expect(script.call('listTeam')).toEqual({
      owner: 'founder@shop.com',
      editors: ['marketer@shop.com'],
      viewers: ['va@agency.io'],
    });
  });

  it('adds several editors at once and reports each address', () => {
    const { emulator, script } = team();
    emulator.calls.reset();
    const result = script.call('addTeammates', {
      emails: 'ana@shop.com, Bo <bo@shop.com>\nmarketer@shop.com',
      role: 'editor',
    }) as {
      results: { email: string; status: string }[];
      changed: boolean;
      team: { editors: string[] };
    };
    expect(result.results.map((r) => [r.email, r.status])).toEqual([
      ['ana@shop.com', 'added'],
      ['bo@shop.com', 'added'],
      ['marketer@shop.com', 'already'],
    ]);
    expect(result.changed).toBe(true);
    expect(result.team.editors).toEqual(['marketer@shop.com', 'ana@shop.com', 'bo@shop.com']);
    expect(emulator.calls.count((call) => call.name === 'Spreadsheet.addEditors')).toBe(1);
  });

  it('promotes a viewer who is added as an editor', () => {
    const { script } = team();
    const result = script.call('addTeammates', { emails: 'va@agency.io', role: 'editor' }) as {
      results: { status: string }[];
    };
    expect(result.results[0].status).toBe('added');
    expect(script.call('listTeam')).toEqual({
      owner: 'founder@shop.com',
      editors: ['marketer@shop.com', 'va@agency.io'],
      viewers: [],
    });
  });

  it('changes nothing when one address in the list is invalid', () => {
    const { emulator, script } = team();
    const result = script.call('addTeammates', {
      emails: 'ana@shop.com; not-an-address; founder@shop.com',
      role: 'viewer',
    }) as {
      results: { email: string; status: string; message: string }[];
      changed: boolean;
    };
    expect(result.results).toEqual([
      {
        email: 'ana@shop.com',
        status: 'skipped',
        message: 'ana@shop.com was not added: fix the invalid addresses first.',
      },
      {
        email: 'not-an-address',
        status: 'invalid',
        message: '"not-an-address" is not a valid email address.',
      },
      {
        email: 'founder@shop.com',
        status: 'already',
        message: 'founder@shop.com already has access as the owner.',
      },
    ]);
    expect(result.changed).toBe(false);
    expect(emulator.calls.count((call) => call.name.startsWith('Spreadsheet.add'))).toBe(0);
    expect((script.call('listTeam') as { viewers: string[] }).viewers).toEqual(['va@agency.io']);
  });

  it('refuses an empty list and an unknown role with a plain message', () => {
    const { script } = team();
    expect(() => script.call('addTeammates', { emails: ' , ', role: 'editor' })).toThrow(
      'Type at least one email address.',
    );
    expect(() => script.call('addTeammates', { emails: 'a@b.co', role: 'owner' })).toThrow(
      /editors or viewers/,
    );
  });

  it('explains when Google refuses to share, as it does for a viewer', () => {
    const emulator = createEmulator({
      owner: 'founder@shop.com',
      user: 'va@agency.io',
      viewers: ['va@agency.io'],
    });
    const script = emulator.load();
    expect(() => script.call('addTeammates', { emails: 'ana@shop.com', role: 'viewer' })).toThrow(
      /Only someone who may share it/,
    );
  });
});
