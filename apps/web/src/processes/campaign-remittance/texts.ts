import type { Widen } from '../../i18n/vi';

/** The campaign-remittance module's texts (`processes.campaign-remittance.…`); English below with the same keys. */
const vi = {
  name: 'Nộp tiền vận động',
  newTitle: 'Nộp tiền vận động lên cấp trên',
  intro: 'Đơn vị nộp tiền vận động lên cấp trên từ màn hình cuộc vận động; một cán bộ cấp trên xác nhận đã nhận, hoặc không nhận kèm lý do.',
  detail: {
    campaign: 'Cuộc vận động',
    amount: 'Số tiền nộp',
    date: 'Ngày nộp',
    reference: 'Số chứng từ, mã giao dịch',
  },
  action: {
    approve: 'Xác nhận đã nhận',
    reject: 'Không xác nhận',
    confirm: { approve: 'Xác nhận đã nhận tiền', reject: 'Không xác nhận khoản nộp' },
    question: {
      approve: 'Xác nhận đơn vị cấp trên đã nhận đủ số tiền của “{{title}}”?',
      reject: 'Không xác nhận khoản nộp “{{title}}”? Hãy ghi rõ lý do (chưa nhận, sai số tiền…).',
    },
    done: { approve: 'Đã xác nhận nhận tiền.', reject: 'Đã ghi nhận khoản nộp không được xác nhận.' },
  },
  event: {
    approved: 'Xác nhận đã nhận',
    rejected: 'Không xác nhận',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Campaign remittance',
  newTitle: 'Remit campaign money to the parent unit',
  intro: 'A unit remits campaign money to its parent from the campaign screen; an officer of the parent confirms receipt, or disputes it with a reason.',
  detail: {
    campaign: 'Campaign',
    amount: 'Amount remitted',
    date: 'Date handed over',
    reference: 'Receipt or transfer reference',
  },
  action: {
    approve: 'Confirm receipt',
    reject: 'Dispute',
    confirm: { approve: 'Confirm the money arrived', reject: 'Dispute the remittance' },
    question: {
      approve: 'Confirm that the parent unit received the full amount of “{{title}}”?',
      reject: 'Dispute the remittance “{{title}}”? Say why (not received, wrong amount…).',
    },
    done: { approve: 'Receipt confirmed.', reject: 'Remittance disputed.' },
  },
  event: {
    approved: 'Receipt confirmed',
    rejected: 'Disputed',
  },
};

export const campaignRemittanceTexts = { vi, en };
