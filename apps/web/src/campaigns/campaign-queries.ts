import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type Schemas, unwrap } from '../api/client';
import { useIdempotencyKey } from '../api/queries';
import { getSession } from '../auth/session';

/**
 * The campaigns' server state. Every POST carries an Idempotency-Key per user action (a retry after a
 * timeout sends the same key, so money is never counted twice); the PUT of a quota is idempotent by itself.
 */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (page: number) => ['campaigns', 'list', page] as const,
  detail: (id: string) => ['campaigns', id, 'detail'] as const,
  progress: (id: string) => ['campaigns', id, 'progress'] as const,
  entries: (id: string, unitId: string, page: number) => ['campaigns', id, 'entries', unitId, page] as const,
  series: (id: string, unitId: string) => ['campaigns', id, 'series', unitId] as const,
};

export type CampaignDetail = Schemas['CampaignDetailDto'];
export type ProgressNode = Schemas['ProgressNodeDto'];
export type Contribution = Schemas['ContributionDto'];

export const useCampaigns = (page: number) =>
  useQuery({
    queryKey: campaignKeys.list(page),
    queryFn: () => unwrap(api.GET('/api/campaigns', { params: { query: { page, pageSize: 20 } } })),
    placeholderData: keepPreviousData,
  });

export const useCampaign = (id: string) =>
  useQuery({ queryKey: campaignKeys.detail(id), queryFn: () => unwrap(api.GET('/api/campaigns/{id}', { params: { path: { id } } })) });

export const useProgress = (id: string) =>
  useQuery({
    queryKey: campaignKeys.progress(id),
    queryFn: () => unwrap(api.GET('/api/campaigns/{id}/progress', { params: { path: { id } } })),
  });

export const useContributions = (id: string, unitId: string | undefined, page: number, pageSize = 20) =>
  useQuery({
    queryKey: campaignKeys.entries(id, unitId ?? '', page),
    queryFn: () =>
      unwrap(api.GET('/api/campaigns/{id}/contributions', { params: { path: { id }, query: { unitId: unitId!, page, pageSize } } })),
    enabled: Boolean(unitId),
    placeholderData: keepPreviousData,
  });

/** Whatever changed money or quotas changes the list, the detail, the tree and the entries. */
function useRefreshCampaign(id: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['campaigns', id] });
    void qc.invalidateQueries({ queryKey: ['campaigns', 'list'] });
  };
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  const keys = useIdempotencyKey();
  return useMutation({
    mutationFn: (body: Schemas['CreateCampaignDto']) =>
      unwrap(api.POST('/api/campaigns', { params: { header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: (detail) => {
      keys.succeeded();
      qc.setQueryData(campaignKeys.detail(detail.id), detail);
      void qc.invalidateQueries({ queryKey: ['campaigns', 'list'] });
    },
  });
}

export type LifecycleCommand = { kind: 'launch' } | { kind: 'cancel'; reason: string };

export function useCampaignLifecycle(id: string) {
  const keys = useIdempotencyKey();
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: (command: LifecycleCommand) => {
      const params = { path: { id }, header: { 'Idempotency-Key': keys.keyFor(command) } };
      return command.kind === 'launch'
        ? unwrap(api.POST('/api/campaigns/{id}/launch', { params }))
        : unwrap(api.POST('/api/campaigns/{id}/cancel', { params, body: { reason: command.reason } }));
    },
    onSuccess: () => {
      keys.succeeded();
      refresh();
    },
    onError: refresh,
  });
}

export function useSetQuota(id: string) {
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: ({ unitId, amount }: { unitId: string; amount: number }) =>
      unwrap(api.PUT('/api/campaigns/{id}/quotas/{unitId}', { params: { path: { id, unitId } }, body: { amount } })),
    onSuccess: refresh,
  });
}

export function useRecordContribution(id: string) {
  const keys = useIdempotencyKey();
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: (body: Schemas['RecordContributionDto']) =>
      unwrap(api.POST('/api/campaigns/{id}/contributions', { params: { path: { id }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: () => {
      // The next entry, even with the same amount and donor, is another gift: a new key.
      keys.succeeded();
      refresh();
    },
  });
}

export function useReverseContribution(id: string) {
  const keys = useIdempotencyKey();
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: ({ contributionId, reason }: { contributionId: string; reason: string }) =>
      unwrap(
        api.POST('/api/campaigns/{id}/contributions/{contributionId}/reversal', {
          params: { path: { id, contributionId }, header: { 'Idempotency-Key': keys.keyFor({ contributionId, reason }) } },
          body: { reason },
        }),
      ),
    onSuccess: () => {
      keys.succeeded();
      refresh();
    },
  });
}

/** The receipt route of an entry (GET, bearer token: opened through fetch, not as a bare link). */
export const receiptPath = (campaignId: string, contributionId: string) =>
  `/api/campaigns/${campaignId}/contributions/${contributionId}/receipt.pdf`;

/**
 * Opens an entry's receipt (biên nhận) PDF in a new tab for printing. The API wants the bearer token,
 * which a plain link cannot send, so the PDF is fetched and shown from a blob URL. The tab is opened
 * before the fetch, while the click still counts as the user's (pop-up blockers), and closed again on
 * a refusal, whose message is thrown for the caller to show.
 */
export async function openReceipt(campaignId: string, contributionId: string, language: string): Promise<void> {
  const tab = window.open('', '_blank');
  const headers: Record<string, string> = { 'Accept-Language': language };
  const token = getSession()?.accessToken;
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(receiptPath(campaignId, contributionId), { headers });
  if (!response.ok) {
    tab?.close();
    const body = (await response.json().catch(() => ({}))) as { message?: string };
    throw new Error(body.message ?? `${response.status} ${response.statusText}`);
  }
  const url = URL.createObjectURL(await response.blob());
  if (tab) tab.location.href = url;
  else window.location.assign(url);
  // Long enough for the viewer to have read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A unit hands money to its parent: the answer names the confirmation case opened in the parent's inbox. */
export function useRemit(id: string) {
  const keys = useIdempotencyKey();
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: (body: Schemas['RecordRemittanceDto']) =>
      unwrap(api.POST('/api/campaigns/{id}/remittances', { params: { path: { id }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: () => {
      // Another remittance of the same amount the same day is another handover: a new key.
      keys.succeeded();
      refresh();
    },
  });
}

/** A unit asks its parent for more time: the answer names the case opened in the parent's inbox. */
export function useRequestExtension(id: string) {
  const keys = useIdempotencyKey();
  const refresh = useRefreshCampaign(id);
  return useMutation({
    mutationFn: (body: Schemas['RequestExtensionDto']) =>
      unwrap(api.POST('/api/campaigns/{id}/extensions', { params: { path: { id }, header: { 'Idempotency-Key': keys.keyFor(body) } }, body })),
    onSuccess: () => {
      keys.succeeded();
      refresh();
    },
  });
}
