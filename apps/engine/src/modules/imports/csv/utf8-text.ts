import { HttpStatus } from '@nestjs/common';
import { TextDecoder } from 'node:util';
import { ImportFileError } from './import-file-error';

/**
 * The upload as text, chunk by chunk: strict UTF-8 (a byte sequence that is not UTF-8 stops the import instead
 * of being stored as U+FFFD), a leading byte-order mark dropped. `onBytes` sees every chunk's size as it
 * arrives; more than `maxBytes` in all stops the import.
 */
export async function* utf8Text(
  body: AsyncIterable<Buffer>,
  { maxBytes, onBytes }: { maxBytes: number; onBytes: (bytes: number) => void },
): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytesRead = 0;
  for await (const chunk of body) {
    bytesRead += chunk.length;
    onBytes(chunk.length);
    if (bytesRead > maxBytes) {
      const message = `The file is larger than the limit of ${maxBytes} bytes`;
      throw new ImportFileError(HttpStatus.PAYLOAD_TOO_LARGE, 'payload_too_large', message, [{ field: 'body', message }]);
    }
    yield decodeOrRefuse(decoder, chunk, bytesRead - chunk.length);
  }
  yield decodeOrRefuse(decoder, undefined, bytesRead);
}

function decodeOrRefuse(decoder: TextDecoder, chunk: Buffer | undefined, offset: number): string {
  try {
    return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
  } catch {
    const at = chunk ? offset + firstInvalidByte(chunk) : offset;
    throw ImportFileError.invalid(
      'not_utf8',
      `The file is not UTF-8 (invalid bytes near byte ${at}): save it as "CSV UTF-8" and import it again`,
    );
  }
}

/** Where in the chunk decoding fails: an approximation good enough to find the spot in an editor. */
function firstInvalidByte(chunk: Buffer): number {
  const text = new TextDecoder('utf-8').decode(chunk);
  const replacement = text.indexOf('\ufffd');
  return replacement < 0 ? 0 : Buffer.byteLength(text.slice(0, replacement));
}
