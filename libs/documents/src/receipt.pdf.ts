import { type ContributionMethod, DONOR_KIND_LABELS, type DonorKind, METHOD_LABELS, donorName } from './campaign-labels';
import { formatDate, formatVnd } from './format';
import { type DocumentHeader, PdfLayout } from './pdf-layout';
import { vndInWords } from './vnd-in-words';

/** One contribution's biên nhận, as `GET /campaigns/:id/contributions/:contributionId/receipt.pdf` fills it. */
export interface ReceiptData {
  header: DocumentHeader;
  /** The contribution's receipt number, unique and gap-free per unit per campaign: "CH1-000012". */
  receiptNo: string;
  campaign: { title: string; fundName: string; code?: string };
  /** The unit that received the money (the contribution's unitId). */
  unitName: string;
  donor: { kind: DonorKind; name?: string | null; address?: string | null };
  /** Whole đồng, above zero (a reversal has no receipt of its own). */
  amount: number;
  method: ContributionMethod;
  /** The contribution's date, "YYYY-MM-DD" (a calendar day in Vietnam). */
  date: string;
  note?: string | null;
  /** The officer who recorded the contribution and receives the money. */
  recordedBy: { name: string; title?: string };
  /** When the paper is printed (the header's date line); defaults to the contribution's date. */
  issuedAt?: string | Date;
}

/** A biên nhận for one contribution: A4, the association's header, amount in figures and in words. */
export async function receiptPdf(data: ReceiptData): Promise<Buffer> {
  if (!Number.isSafeInteger(data.amount) || data.amount <= 0) {
    throw new RangeError(`receiptPdf: the amount must be a whole number of đồng above zero, got ${data.amount}`);
  }
  const giver = donorName(data.donor);
  const pdf = PdfLayout.start({ title: `Biên nhận số ${data.receiptNo}`, subject: data.campaign.title, author: data.header.unit });
  pdf.header(data.header, data.issuedAt ?? data.date);
  pdf.title('BIÊN NHẬN', `Số: ${data.receiptNo}`);
  pdf.paragraph(`Về việc ủng hộ: ${data.campaign.title}`, { align: 'center', style: 'italic' });
  pdf.gap(6);
  const rows: { label: string; value: string; strong?: boolean; italic?: boolean }[] = [
    { label: 'Quỹ', value: data.campaign.fundName },
    ...(data.campaign.code ? [{ label: 'Mã cuộc vận động', value: data.campaign.code }] : []),
    { label: 'Đơn vị nhận', value: data.unitName },
    { label: 'Người ủng hộ', value: data.donor.kind === 'anonymous' || !data.donor.name?.trim() ? giver : `${giver} (${DONOR_KIND_LABELS[data.donor.kind]})` },
    ...(data.donor.address && data.donor.kind !== 'anonymous' ? [{ label: 'Địa chỉ', value: data.donor.address }] : []),
    { label: 'Số tiền', value: formatVnd(data.amount), strong: true },
    { label: 'Bằng chữ', value: vndInWords(data.amount), italic: true },
    { label: 'Hình thức', value: METHOD_LABELS[data.method] },
    { label: 'Ngày nhận', value: formatDate(data.date) },
    ...(data.note ? [{ label: 'Ghi chú', value: data.note }] : []),
    { label: 'Người lập biên nhận', value: data.recordedBy.title ? `${data.recordedBy.name} (${data.recordedBy.title})` : data.recordedBy.name },
  ];
  pdf.fields(rows, 0.28);
  pdf.gap(6);
  pdf.paragraph('Hội xin trân trọng cảm ơn tấm lòng của quý vị.', { style: 'italic', align: 'center' });
  pdf.signatures([
    { title: 'NGƯỜI NỘP TIỀN', name: data.donor.kind === 'anonymous' ? undefined : data.donor.name?.trim() || undefined },
    { title: 'NGƯỜI NHẬN TIỀN', name: data.recordedBy.name },
  ]);
  return pdf.end();
}
