/** Words the campaign papers print for the API's codes (issue 12's contract). */

export type ContributionMethod = 'cash' | 'transfer' | 'in-kind';
export type DonorKind = 'member' | 'resident' | 'organization' | 'anonymous';
export type CampaignStatus = 'draft' | 'open' | 'closed' | 'cancelled';

export const METHOD_LABELS: Record<ContributionMethod, string> = {
  cash: 'Tiền mặt',
  transfer: 'Chuyển khoản',
  'in-kind': 'Hiện vật (quy ra tiền)',
};

export const DONOR_KIND_LABELS: Record<DonorKind, string> = {
  member: 'Hội viên',
  resident: 'Người dân',
  organization: 'Tổ chức',
  anonymous: 'Không nêu tên',
};

export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  draft: 'Dự thảo',
  open: 'Đang vận động',
  closed: 'Đã kết thúc',
  cancelled: 'Đã hủy',
};

/** What a receipt names when the giver stays anonymous, or gave no name. */
export const ANONYMOUS_DONOR = 'Người ủng hộ không nêu tên';

export function donorName(donor: { kind: DonorKind; name?: string | null }): string {
  const name = donor.name?.trim();
  return donor.kind === 'anonymous' || !name ? ANONYMOUS_DONOR : name.normalize('NFC');
}
