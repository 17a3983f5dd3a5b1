// The Team panel in headless Chromium against the real server bundle and the sheet emulator.
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../emulator/sheets-emulator';
import type { AddTeammatesResult, TeamList } from '../../src/shared/api';
import { type SidebarSession, useSidebarBrowser } from '../harness/browser-bridge';

const sidebar = useSidebarBrowser();
let session: SidebarSession;

/** The founder's spreadsheet, already shared with the marketer; opened from the menu. */
async function openTeam() {
  const emulator = createEmulator({
    user: 'founder@example.com',
    editors: ['marketer@example.com'],
    viewers: ['accountant@example.com'],
  });
  session = await sidebar.open(emulator, { menu: 'showTeamSidebar' });
  await expect.poll(() => session.page.locator('dl.people').count()).toBe(1);
  return emulator;
}

/** Who has access, according to the server (not the page). */
const team = () => session.server.call('listTeam') as TeamList;

/** The page's "who has access" list: [heading, people...] per group. */
const shownTeam = () =>
  session.page
    .locator('dl.people')
    .evaluate((list) => Array.from(list.children, (item) => `${item.tagName}:${item.textContent}`));

const statusText = () => session.page.locator('#team-status').textContent();
const alertText = () => session.page.locator('#team-error').textContent();
const results = () =>
  session.page
    .locator('#team-results li')
    .evaluateAll((items) =>
      items.map((item) => Array.from(item.children, (part) => part.textContent)),
    );

function lastResult(): AddTeammatesResult {
  const call = session.calls.at(-1);
  if (!call?.outcome.ok) throw new Error('the last server call failed');
  return call.outcome.value as AddTeammatesResult;
}

describe('who has access', () => {
  it('the menu opens the Team panel listing the owner, editors and viewers', async () => {
    await openTeam();
    expect(
      await session.page.getByRole('tab', { name: 'Team' }).getAttribute('aria-selected'),
    ).toBe('true');
    expect(await shownTeam()).toEqual([
      'DT:Owner',
      'DD:founder@example.com',
      'DT:Editors (1)',
      'DD:marketer@example.com',
      'DT:Viewers (1)',
      'DD:accountant@example.com',
    ]);
  });
});

describe('adding teammates', () => {
  it('several addresses at once, each reported, and the list updated', async () => {
    await openTeam();
    const { page } = session;
    await page
      .getByLabel('Email addresses')
      .fill('va@example.com,\nAgency Person <agency@example.org>');
    await page.getByLabel('Role').selectOption('editor');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(statusText).toBe('Added 2 editors.');
    expect(await results()).toEqual(
      lastResult().results.map((item) => [item.email, 'Added', item.message]),
    );
    expect(lastResult().results.map((item) => item.email)).toEqual([
      'va@example.com',
      'agency@example.org',
    ]);
    expect(team().editors).toEqual(
      expect.arrayContaining(['marketer@example.com', 'va@example.com', 'agency@example.org']),
    );
    expect(await shownTeam()).toContain('DD:va@example.com');
    expect(await shownTeam()).toContain('DT:Editors (3)');
    expect(await page.getByLabel('Email addresses').inputValue()).toBe('');
  });

  it('an invalid address changes nothing, and the page says so per address', async () => {
    await openTeam();
    const { page } = session;
    const before = team();
    await page
      .getByLabel('Email addresses')
      .fill('ok@example.com, not-an-email, marketer@example.com');
    await page.getByRole('button', { name: 'Add' }).click();
    await expect
      .poll(alertText)
      .toBe('Nothing changed: 1 address is not valid. Correct it and add again.');
    expect(lastResult().changed).toBe(false);
    const byEmail = Object.fromEntries(lastResult().results.map((item) => [item.email, item]));
    expect(await results()).toEqual([
      ['ok@example.com', 'Not added', byEmail['ok@example.com'].message],
      ['not-an-email', 'Not a valid address', byEmail['not-an-email'].message],
      ['marketer@example.com', 'Already had access', byEmail['marketer@example.com'].message],
    ]);
    expect(byEmail['not-an-email'].message).toContain('not-an-email');
    expect(team()).toEqual(before);
    // What the user typed stays, to be corrected.
    expect(await page.getByLabel('Email addresses').inputValue()).toContain('not-an-email');
  });

  it('addresses that already have access are reported as such', async () => {
    await openTeam();
    await session.page
      .getByLabel('Email addresses')
      .fill('marketer@example.com founder@example.com');
    await session.page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(statusText).toBe('Nothing changed: everyone already had access.');
    expect((await results()).map((row) => row.slice(0, 2))).toEqual([
      ['marketer@example.com', 'Already had access'],
      ['founder@example.com', 'Already had access'],
    ]);
  });

  it('an empty box is caught in the page', async () => {
    await openTeam();
    await session.page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(alertText).toBe('Enter at least one email address.');
    expect(session.calls.map((call) => call.name)).toEqual(['listTeam']);
  });

  it('addresses that look like HTML are shown as text', async () => {
    await openTeam();
    await session.page.getByLabel('Email addresses').fill('"><img src=x onerror=alert(1)>');
    await session.page.getByRole('button', { name: 'Add' }).click();
    await expect.poll(alertText).toMatch(/^Nothing changed/);
    const sent = lastResult().results;
    expect(sent.some((item) => item.email.includes('"'))).toBe(true);
    expect(await results()).toEqual(
      sent.map((item) => [item.email, 'Not a valid address', item.message]),
    );
    expect(await session.page.locator('img').count()).toBe(0);
  });

  it('from the keyboard: type, pick viewer, Ctrl+Enter adds', async () => {
    await openTeam();
    const { page } = session;
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    await page.getByRole('tab', { name: 'Team' }).focus();
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('team-emails');
    await page.keyboard.type('intern@example.com');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('team-role');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByLabel('Role').inputValue()).toBe('viewer');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Control+Enter');
    await expect.poll(statusText).toBe('Added 1 viewer.');
    expect(team().viewers).toContain('intern@example.com');
    expect(session.calls.at(-1)?.args).toEqual([{ emails: 'intern@example.com', role: 'viewer' }]);
  });
});
