import { ParseUUIDPipe } from '@nestjs/common';
import { canonicalJson, keyedUpdateId, keyedUuid, requestHash } from './idempotency';

describe('canonicalJson / requestHash', () => {
  it('does not depend on key order at any depth, and leaves undefined members out', () => {
    const a = { title: 'Nhà ở', payload: { b: 1, a: [{ y: 2, x: 1 }] }, comment: undefined };
    const b = { payload: { a: [{ x: 1, y: 2 }], b: 1 }, title: 'Nhà ở' };
    expect(canonicalJson(a)).toBe('{"payload":{"a":[{"x":1,"y":2}],"b":1},"title":"Nhà ở"}');
    expect(requestHash(a)).toBe(requestHash(b));
    expect(requestHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('tells different bodies apart, including array order and value types', () => {
    expect(requestHash({ a: [1, 2] })).not.toBe(requestHash({ a: [2, 1] }));
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: '1' }));
    expect(requestHash({ a: null })).not.toBe(requestHash({}));
  });

  it('hashes class instances (validated DTOs) like the plain body they came from', () => {
    class Dto {
      action = 'approve';
      comment?: string;
    }
    expect(requestHash(new Dto())).toBe(requestHash({ action: 'approve' }));
  });
});

describe('keyedUuid', () => {
  const user = '0b6f1c3e-2a4d-4e5f-8a9b-0c1d2e3f4a5b';

  it('is a version-8, RFC 9562 variant UUID, the same for the same user and key', async () => {
    const id = keyedUuid(user, 'key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(keyedUuid(user, 'key-1')).toBe(id);
    // Accepted where the API takes UUIDs (path parameters).
    await expect(new ParseUUIDPipe().transform(id, { type: 'param' })).resolves.toBe(id);
  });

  it('differs per key and per user, so two users cannot collide by choosing the same key', () => {
    expect(keyedUuid(user, 'key-1')).not.toBe(keyedUuid(user, 'key-2'));
    expect(keyedUuid(user, 'key-1')).not.toBe(keyedUuid('9f1e2d3c-4b5a-4968-8776-655443322110', 'key-1'));
    expect(keyedUpdateId(user, 'key-1')).toBe(`${user}:key-1`);
  });
});
