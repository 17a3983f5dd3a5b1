// Changes to the shared spreadsheet run one at a time, so two teammates clicking at once get
// two complete results instead of a tangle.
import { BusyError } from './errors';

const LOCK_WAIT_MS = 10_000;

export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock?.tryLock(LOCK_WAIT_MS)) {
    throw new BusyError(
      'A teammate is changing this spreadsheet with Influencer ROI right now. Try again in a few seconds.',
    );
  }
  try {
    return work();
  } finally {
    lock.releaseLock();
  }
}
