import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { newUuid } from '../lib/uuid';
import { ApiError, api, type Schemas, unwrap } from './client';

/**
 * Server state, through TanStack Query: each screen asks for what it shows and the cache keeps the
 * last answer on screen while a newer one loads (no page-blocking spinners on a slow connection).
 */
export const queryKeys = {
  me: ['me'] as const,
  inbox: ['inbox'] as const,
  cases: (filters: CaseFilters) => ['cases', filters] as const,
  case: (id: string) => ['case', id] as const,
  units: ['units'] as const,
  members: (unitId: string) => ['members', unitId] as const,
  notifications: ['notifications'] as const,
};

export type CaseFilters = NonNullable<Parameters<typeof listCases>[0]>;

function listCases(query: { status?: Schemas['CaseSummaryDto']['status']; processType?: Schemas['CaseSummaryDto']['processType']; unitId?: string; overdue?: boolean; q?: string; page?: number; pageSize?: number }) {
  return unwrap(api.GET('/api/cases', { params: { query } }));
}

export const useInbox = () => useQuery({ queryKey: queryKeys.inbox, queryFn: () => unwrap(api.GET('/api/inbox')) });

export const useCases = (filters: CaseFilters) =>
  useQuery({ queryKey: queryKeys.cases(filters), queryFn: () => listCases(filters), placeholderData: keepPreviousData });

export const useCase = (id: string) =>
  useQuery({ queryKey: queryKeys.case(id), queryFn: () => unwrap(api.GET('/api/cases/{id}', { params: { path: { id } } })) });

export const useUnits = () =>
  useQuery({ queryKey: queryKeys.units, queryFn: () => unwrap(api.GET('/api/units')), staleTime: 10 * 60_000 });

export const useMembers = (unitId: string | undefined) =>
  useQuery({
    queryKey: queryKeys.members(unitId ?? ''),
    queryFn: () => unwrap(api.GET('/api/units/{id}/members', { params: { path: { id: unitId! } } })),
    enabled: Boolean(unitId),
    staleTime: 10 * 60_000,
  });

/** Polled: a decision someone else made should reach the bell without a reload. */
export const useNotifications = () =>
  useQuery({
    queryKey: queryKeys.notifications,
    queryFn: () => unwrap(api.GET('/api/notifications')),
    refetchInterval: 30_000,
  });

export function useMarkNotificationRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.POST('/api/notifications/{id}/read', { params: { path: { id } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.notifications }),
  });
}

/** What an officer can do to a case, with the body the API takes for it. */
export type CaseCommand =
  | { kind: 'decide'; body: Schemas['DecisionDto'] }
  | { kind: 'resubmit'; body: Schemas['ResubmitDto'] }
  | { kind: 'cancel'; body: Schemas['CancelDto'] }
  | { kind: 'milestone'; body: Schemas['RecordMilestoneDto'] }
  | { kind: 'disbursement'; body: Schemas['RecordLedgerEntryDto'] }
  | { kind: 'repayment'; body: Schemas['RecordLedgerEntryDto'] }
  | { kind: 'settlement'; body: Schemas['RecordSettlementDto'] };

function send(id: string, command: CaseCommand, key: string) {
  const params = { path: { id }, header: { 'Idempotency-Key': key } };
  switch (command.kind) {
    case 'decide':
      return unwrap(api.POST('/api/cases/{id}/decisions', { params, body: command.body }));
    case 'resubmit':
      return unwrap(api.POST('/api/cases/{id}/resubmit', { params, body: command.body }));
    case 'cancel':
      return unwrap(api.POST('/api/cases/{id}/cancel', { params, body: command.body }));
    case 'milestone':
      return unwrap(api.POST('/api/cases/{id}/milestones', { params, body: command.body }));
    case 'disbursement':
      return unwrap(api.POST('/api/cases/{id}/disbursements', { params, body: command.body }));
    case 'repayment':
      return unwrap(api.POST('/api/cases/{id}/repayments', { params, body: command.body }));
    case 'settlement':
      return unwrap(api.POST('/api/cases/{id}/settlement', { params, body: command.body }));
  }
}

/**
 * One Idempotency-Key per user action. Trying the same action again after a failure (a timeout, a
 * 503, a dropped connection) sends the same key, so the API answers it as it answered the first
 * attempt instead of acting twice; a changed form, or the next action after a success, gets a new key.
 */
export function useIdempotencyKey() {
  const last = useRef<{ fingerprint: string; key: string } | null>(null);
  return {
    keyFor(request: unknown): string {
      const fingerprint = JSON.stringify(request);
      if (last.current?.fingerprint !== fingerprint) last.current = { fingerprint, key: newUuid() };
      return last.current.key;
    },
    succeeded() {
      last.current = null;
    },
  };
}

/**
 * Sends a command for one case; on success the answer (the case as it now is) replaces the cached detail.
 * A read of the detail still in flight is cancelled first: it started before the change and would
 * otherwise land after it, putting the old case back on screen (the next action then acts on what was).
 */
export function useCaseCommand(caseId: string) {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (command: CaseCommand) => send(caseId, command, keys.keyFor(command)),
    onMutate: () => qc.cancelQueries({ queryKey: queryKeys.case(caseId) }),
    onSuccess: async (detail) => {
      keys.succeeded();
      await qc.cancelQueries({ queryKey: queryKeys.case(caseId) });
      qc.setQueryData(queryKeys.case(caseId), detail);
      void qc.invalidateQueries({ queryKey: queryKeys.inbox });
      void qc.invalidateQueries({ queryKey: ['cases'] });
      void qc.invalidateQueries({ queryKey: queryKeys.notifications });
    },
    onError: (error) => {
      // Refused because the case moved on (409) or is no longer ours to act on (403): show it as it is now.
      if (error instanceof ApiError && (error.status === 409 || error.status === 403)) {
        void qc.invalidateQueries({ queryKey: queryKeys.case(caseId) });
      }
    },
  });
}

export function useCreateCase() {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: Schemas['CreateCaseDto']) =>
      unwrap(api.POST('/api/cases', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (detail) => {
      keys.succeeded();
      qc.setQueryData(queryKeys.case(detail.id), detail);
      void qc.invalidateQueries({ queryKey: ['cases'] });
    },
  });
}
