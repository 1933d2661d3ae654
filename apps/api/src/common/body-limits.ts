import { NestExpressApplication } from '@nestjs/platform-express';
import type { IncomingMessage } from 'node:http';
import { DomainError } from '@lienthong/domain';

/**
 * Limits on request bodies, applied before JSON.parse. The largest body the API takes is a case with
 * its payload (a few KB); 100 KB leaves room and keeps a flood of large bodies cheap to refuse (413).
 */
export const BODY_LIMIT_BYTES = 100 * 1024;
/**
 * Deepest nesting of arrays and objects a JSON body may have. Payloads go 4 levels deep; a body
 * nested thousands deep (sent unauthenticated at sign-in) overflowed the stack of the code that walks
 * bodies and answered 500.
 */
export const MAX_JSON_DEPTH = 32;

const OPEN_OBJECT = 0x7b; // {
const OPEN_ARRAY = 0x5b; // [
const CLOSE_OBJECT = 0x7d; // }
const CLOSE_ARRAY = 0x5d; // ]
const QUOTE = 0x22; // "
const BACKSLASH = 0x5c; // \

/**
 * Whether raw JSON nests deeper than `max`, counted over the bytes (outside strings) without parsing,
 * so the check itself cannot recurse. UTF-8 multi-byte sequences never contain these ASCII bytes.
 */
export function jsonDeeperThan(buf: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < buf.length; i++) {
    const b = buf[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) inString = true;
    else if (b === OPEN_OBJECT || b === OPEN_ARRAY) {
      if (++depth > max) return true;
    } else if (b === CLOSE_OBJECT || b === CLOSE_ARRAY) depth--;
  }
  return false;
}

/**
 * Nest's body parsers with our limits (the app is created with `bodyParser: false`). A body too deep
 * is refused in body-parser's verify hook, before it is parsed; the error reaches the one exception
 * filter like every other.
 */
export function useBodyParsers(app: NestExpressApplication): void {
  app.useBodyParser('json', {
    limit: BODY_LIMIT_BYTES,
    verify: (_req: IncomingMessage, _res: unknown, buf: Buffer) => {
      if (jsonDeeperThan(buf, MAX_JSON_DEPTH)) throw new DomainError('invalid', 'request.too_deep', { max: MAX_JSON_DEPTH });
    },
  });
  // qs caps the nesting of form bodies itself (depth 32 by default in body-parser 2).
  app.useBodyParser('urlencoded', { limit: BODY_LIMIT_BYTES, extended: true });
}
