import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, type Schemas } from './client';
import { useCase, useCaseCommand } from './queries';

type Detail = Schemas['CaseDetailDto'];

/** What openapi-fetch answers: the body and a response with its status. */
const answer = (data: unknown) => ({ data, response: new Response(null, { status: 200 }) });

describe('useCaseCommand: the case on screen after an action', () => {
  afterEach(() => vi.restoreAllMocks());

  it('keeps what the action answered when a read that started before it answers after it', async () => {
    const before = { id: 'c-1', title: 'Hỗ trợ sửa nhà', allowedActions: ['milestone'] } as unknown as Detail;
    const after = { ...before, allowedActions: [] } as unknown as Detail;
    // The first read answers at once; the second (a refetch) only when the test says so, with the old case.
    const reads: Array<(v: unknown) => void> = [];
    vi.spyOn(api, 'GET').mockImplementation((() =>
      reads.length === 0
        ? (reads.push(() => undefined), Promise.resolve(answer(before)))
        : new Promise((resolve) => reads.push(resolve))) as never);
    vi.spyOn(api, 'POST').mockImplementation((() => Promise.resolve(answer(after))) as never);

    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const wrapper = ({ children }: { children: ReactNode }) => <QueryClientProvider client={client}>{children}</QueryClientProvider>;
    const { result } = renderHook(() => ({ detail: useCase('c-1'), command: useCaseCommand('c-1') }), { wrapper });
    await waitFor(() => expect(result.current.detail.data).toEqual(before));

    void act(() => void result.current.detail.refetch());
    await waitFor(() => expect(reads).toHaveLength(2));
    await act(() => result.current.command.mutateAsync({ kind: 'milestone', body: { kind: 'construction-started', date: '2026-12-01' } }));
    expect(result.current.detail.data).toEqual(after);

    // The stale read answers late: the case on screen stays as the action left it.
    await act(async () => reads[1](answer(before)));
    expect(client.getQueryData(['case', 'c-1'])).toEqual(after);
    expect(result.current.detail.data).toEqual(after);
  });
});
