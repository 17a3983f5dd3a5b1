// Utilities' bytes and blobs as Apps Script has them: base64Decode gives a Byte[] (Java's
// signed bytes, -128..127), newBlob wraps bytes or text, ungzip opens a gzipped blob and
// getDataAsString reads a blob as UTF-8. What the import of a big file calls, and no more.
// Google documents no words for bad bytes: the refusals here say something plausible, and the
// add-on never depends on their wording (it catches them and says what is wrong itself).
import { gunzipSync } from 'node:zlib';
import { type Session, signatureError, unwrap } from './sheets-session';

interface BlobModel {
  bytes: Buffer;
  contentType: string | null;
  name: string | null;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function toSigned(bytes: Buffer): number[] {
  return Array.from(bytes, (byte) => (byte > 127 ? byte - 256 : byte));
}

function isByteArray(value: unknown): value is number[] {
  if (!Array.isArray(value)) return false;
  for (const byte of value)
    if (typeof byte !== 'number' || !Number.isInteger(byte) || byte < -128 || byte > 255)
      return false;
  return true;
}

function blobObject(session: Session, model: BlobModel) {
  return session.wrap(
    'Utilities',
    'Blob',
    {
      getBytes: () => toSigned(model.bytes),
      getContentType: () => model.contentType,
      getName: () => model.name,
      getDataAsString: (...args: unknown[]) => {
        const [charset] = args;
        if (args.length > 1 || (args.length === 1 && typeof charset !== 'string'))
          throw signatureError('Blob.getDataAsString', args);
        return model.bytes.toString('utf8');
      },
    },
    model,
  );
}

/** Utilities.base64Decode(encoded): the bytes, signed; text that isn't base-64 throws. */
function base64Decode(...args: unknown[]): number[] {
  const [encoded] = args;
  if (typeof encoded !== 'string' || args.length > 2)
    throw signatureError('Utilities.base64Decode', args);
  const compact = encoded.replace(/\s+/g, '');
  if (compact.length % 4 === 1 || !BASE64.test(compact))
    throw new Error('Could not decode string.');
  return toSigned(Buffer.from(compact, 'base64'));
}

export function utilitiesBlobs(session: Session) {
  return {
    base64Decode,
    /** newBlob(data) with data a Byte[] or a string, optionally its content type and name. */
    newBlob(...args: unknown[]) {
      const [data, contentType, name] = args;
      const text = typeof data === 'string';
      const optional = (value: unknown) => value === undefined || typeof value === 'string';
      if ((!text && !isByteArray(data)) || !optional(contentType) || !optional(name))
        throw signatureError('Utilities.newBlob', args);
      const bytes = text ? Buffer.from(data, 'utf8') : Buffer.from(data.map((b) => b & 255));
      return blobObject(session, {
        bytes,
        contentType: (contentType as string | undefined) ?? (text ? 'text/plain' : null),
        name: (name as string | undefined) ?? null,
      });
    },
    /** ungzip(blob): the blob's bytes unzipped; bytes that aren't gzip throw. */
    ungzip(...args: unknown[]) {
      const model = unwrap<BlobModel>(args[0], 'Blob');
      if (!model || args.length !== 1) throw signatureError('Utilities.ungzip', args);
      let bytes: Buffer;
      try {
        bytes = gunzipSync(model.bytes);
      } catch {
        throw new Error('Invalid argument: blob');
      }
      return blobObject(session, { bytes, contentType: null, name: null });
    },
  };
}
