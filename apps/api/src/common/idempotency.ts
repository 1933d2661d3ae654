import { applyDecorators, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { ApiHeader } from '@nestjs/swagger';
import type { Request } from 'express';
import { createHash } from 'node:crypto';
import { DomainError } from '@lienthong/domain';

/**
 * Requests that create or change a case carry an `Idempotency-Key` chosen by the client (a UUID per
 * user action is the usual choice). Retrying with the same key and the same body is answered as the
 * first attempt was; the same key with another body is refused (422 idempotency.key_reused). The key
 * becomes the case ID (creation) or the Temporal Update ID (changes), on which Temporal deduplicates;
 * each event in the read model keeps its Update ID and request hash, so a retry is still recognised
 * after Temporal has forgotten the Update (the workflow closed or continued as new).
 */
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;

/** The `Idempotency-Key` header, 1–200 characters, or 400 idempotency.key_required. */
export const IdempotencyKey = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<Request>().headers[IDEMPOTENCY_HEADER.toLowerCase()];
  const key = typeof value === 'string' ? value.trim() : '';
  if (key.length < 1 || key.length > IDEMPOTENCY_KEY_MAX_LENGTH) {
    throw new DomainError('invalid', 'idempotency.key_required', {}, [
      { field: IDEMPOTENCY_HEADER, messages: [`${IDEMPOTENCY_HEADER} must be 1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters`] },
    ]);
  }
  return key;
});

/** OpenAPI for the header, shared by every route that takes it. */
export const ApiIdempotencyKey = () =>
  applyDecorators(
    ApiHeader({
      name: IDEMPOTENCY_HEADER,
      required: true,
      description:
        `1–${IDEMPOTENCY_KEY_MAX_LENGTH} characters, one per user action (a UUID is fine). Retrying with the same key and body ` +
        'returns the first answer and changes nothing; the same key with a different body is refused with 422.',
      schema: { type: 'string', example: '3f0c9a52-6f1e-4d3b-9a57-0c1d2e3f4a5b' },
    }),
  );

/**
 * JSON with object keys sorted at every depth, so `{a, b}` and `{b, a}` hash the same. `undefined`
 * members are left out, as JSON.stringify does; arrays keep their order (it is meaningful).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/** sha256 (hex) of the canonical JSON of a request body: what "the same request" means. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * A UUID derived from the caller and their key (RFC 9562 version 8, "custom"): the same user retrying
 * with the same key names the same resource, and two users cannot collide by picking the same key.
 */
export function keyedUuid(userId: string, key: string): string {
  const bytes = createHash('sha256').update(`${userId}:${key}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80; // version 8
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // variant 10xx (RFC 9562)
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The Temporal Update ID of a change: per user and key, so another user's key can never match. */
export function keyedUpdateId(userId: string, key: string): string {
  return `${userId}:${key}`;
}
