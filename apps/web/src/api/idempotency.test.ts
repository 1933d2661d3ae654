import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useIdempotencyKey } from './queries';

describe('useIdempotencyKey: one key per user action', () => {
  const approve = { kind: 'decide', body: { action: 'approve', comment: 'Đã khảo sát' } };

  it('reuses the key when the same action is tried again after a failure', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor(approve);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(result.current.keyFor({ ...approve })).toBe(first);
  });

  it('takes a new key for a changed request, and for the next action after a success', () => {
    const { result } = renderHook(() => useIdempotencyKey());
    const first = result.current.keyFor(approve);
    const edited = result.current.keyFor({ ...approve, body: { ...approve.body, comment: 'Đã khảo sát thực tế' } });
    expect(edited).not.toBe(first);
    result.current.succeeded();
    expect(result.current.keyFor(approve)).not.toBe(first);
  });
});
