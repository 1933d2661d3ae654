import type { Widen } from '../../i18n/vi';

/** The campaign-extension module's texts (`processes.campaign-extension.…`); English below with the same keys. */
const vi = {
  name: 'Gia hạn vận động',
  newTitle: 'Xin gia hạn cuộc vận động',
  intro: 'Đơn vị xin thêm thời gian nhận đóng góp từ màn hình cuộc vận động; cấp trên đồng ý hoặc không đồng ý kèm lý do.',
  detail: {
    campaign: 'Cuộc vận động',
    endDate: 'Ngày kết thúc của cuộc vận động',
    until: 'Xin gia hạn đến hết ngày',
    reason: 'Lý do',
  },
  action: {
    approve: 'Đồng ý gia hạn',
    reject: 'Không đồng ý',
    confirm: { approve: 'Đồng ý gia hạn', reject: 'Không đồng ý gia hạn' },
    question: {
      approve: 'Đồng ý cho đơn vị tiếp tục nhận đóng góp theo “{{title}}”?',
      reject: 'Không đồng ý “{{title}}”? Hãy ghi rõ lý do.',
    },
    done: { approve: 'Đã đồng ý gia hạn.', reject: 'Đã từ chối gia hạn.' },
  },
  event: {
    approved: 'Đồng ý gia hạn',
    rejected: 'Không đồng ý',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Campaign extension',
  newTitle: 'Ask for more time in a campaign',
  intro: 'A unit asks for more time to record contributions from the campaign screen; its parent approves or refuses with a reason.',
  detail: {
    campaign: 'Campaign',
    endDate: 'The campaign’s end date',
    until: 'Extension asked until the end of',
    reason: 'Reason',
  },
  action: {
    approve: 'Approve the extension',
    reject: 'Refuse',
    confirm: { approve: 'Approve the extension', reject: 'Refuse the extension' },
    question: {
      approve: 'Let the unit keep recording contributions as asked in “{{title}}”?',
      reject: 'Refuse “{{title}}”? Say why.',
    },
    done: { approve: 'Extension approved.', reject: 'Extension refused.' },
  },
  event: {
    approved: 'Extension approved',
    rejected: 'Refused',
  },
};

export const campaignExtensionTexts = { vi, en };
