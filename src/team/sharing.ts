// The Team panel: who has access to this spreadsheet, and adding teammates by email.

import { InputError } from '../apps/errors';
import type { AddTeammatesRequest, AddTeammatesResult, Role, TeamList } from '../shared/api';
import { isEmail, splitAddresses } from './emails';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const emailsOf = (users: GoogleAppsScript.Base.User[]) =>
  users.map((user) => user.getEmail()).filter(Boolean);

export function readTeam(spreadsheet: Spreadsheet): TeamList {
  const owner = spreadsheet.getOwner()?.getEmail() || null;
  const editors = emailsOf(spreadsheet.getEditors()).filter((email) => email !== owner);
  const viewers = emailsOf(spreadsheet.getViewers()).filter(
    (email) => email !== owner && !editors.includes(email),
  );
  return { owner, editors, viewers };
}

/** Sidebar: the owner, editors and viewers of this spreadsheet. */
export function listTeam(): TeamList {
  return readTeam(SpreadsheetApp.getActiveSpreadsheet());
}

/** The role someone already has that covers the one asked for, if any. */
function existingRole(team: TeamList, email: string, role: Role): string | undefined {
  const lower = email.toLowerCase();
  const has = (list: string[]) => list.some((member) => member.toLowerCase() === lower);
  if (team.owner?.toLowerCase() === lower) return 'the owner';
  if (has(team.editors)) return 'an editor';
  if (role === 'viewer' && has(team.viewers)) return 'a viewer';
  return undefined;
}

/** Sidebar: shares the spreadsheet with several addresses at once; an invalid list changes nothing. */
export function addTeammates(request: AddTeammatesRequest): AddTeammatesResult {
  const role = request?.role;
  if (role !== 'editor' && role !== 'viewer')
    throw new InputError('Choose whether teammates join as editors or viewers.');
  const addresses = splitAddresses(typeof request.emails === 'string' ? request.emails : '');
  if (addresses.length === 0) throw new InputError('Type at least one email address.');
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const team = readTeam(spreadsheet);
  const invalid = addresses.filter((address) => !isEmail(address));
  const results = addresses.map((email) => {
    if (!isEmail(email))
      return {
        email,
        status: 'invalid' as const,
        message: `"${email}" is not a valid email address.`,
      };
    const had = existingRole(team, email, role);
    if (had)
      return {
        email,
        status: 'already' as const,
        message: `${email} already has access as ${had}.`,
      };
    if (invalid.length > 0) {
      return {
        email,
        status: 'skipped' as const,
        message: `${email} was not added: fix the invalid addresses first.`,
      };
    }
    return {
      email,
      status: 'added' as const,
      message: `${email} can now ${role === 'editor' ? 'edit' : 'view'} this spreadsheet.`,
    };
  });
  const toAdd = results.filter((result) => result.status === 'added').map((result) => result.email);
  if (toAdd.length > 0) share(spreadsheet, toAdd, role);
  return {
    results,
    changed: toAdd.length > 0,
    team: toAdd.length > 0 ? readTeam(spreadsheet) : team,
  };
}

function share(spreadsheet: Spreadsheet, emails: string[], role: Role): void {
  try {
    if (role === 'editor') spreadsheet.addEditors(emails);
    else spreadsheet.addViewers(emails);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(
      `Google Sheets refused to share the spreadsheet (${reason}). Only someone who may share it (usually the owner or an editor) can add teammates.`,
    );
  }
}
