import type { Widen } from '../../i18n/vi';

/** The support-visit module's texts (`processes.support-visit.…`); English below with the same keys. */
const vi = {
  name: 'Thăm hỏi, tặng quà',
  newTitle: 'Ghi nhận thăm hỏi, tặng quà',
  intro: 'Cán bộ chi hội hoặc Hội phường ghi nhận lần thăm hỏi, tặng quà, phúng viếng; một cán bộ Hội phường xác nhận.',
  form: {
    kind: 'Hình thức',
    recipient: 'Người được thăm hỏi',
    memberPicker: 'Chọn hội viên',
    memberPickerHelp: 'Chọn để điền sẵn họ tên; người không phải hội viên thì gõ tên bên dưới.',
    name: 'Họ và tên người được thăm hỏi',
    date: 'Ngày thăm hỏi',
    amount: 'Số tiền, giá trị quà',
    amountHelp: 'Ghi 0 nếu chỉ đến thăm, không có tiền hay quà.',
    note: 'Ghi chú',
    titleSuggestion: '{{kind}}: {{name}}',
    confirmTitle: 'Gửi Hội phường xác nhận?',
    confirmText: 'Lần thăm hỏi “{{title}}” ({{amount}}) sẽ được gửi Hội phường xác nhận.',
  },
  kind: {
    'hardship-visit': 'Thăm hộ khó khăn',
    'sick-visit': 'Thăm ốm',
    'holiday-gift': 'Tặng quà dịp lễ/Tết',
    condolence: 'Phúng viếng',
  },
  detail: {
    kind: 'Hình thức',
    recipient: 'Người được thăm hỏi',
    member: 'Hội viên của đơn vị',
    notMember: 'Không phải hội viên trong danh sách',
    date: 'Ngày thăm hỏi',
    amount: 'Số tiền, giá trị quà',
    note: 'Ghi chú',
  },
  action: {
    approve: 'Xác nhận',
    confirm: { approve: 'Xác nhận lần thăm hỏi' },
    question: { approve: 'Xác nhận lần thăm hỏi “{{title}}” đã diễn ra như ghi nhận?' },
    done: { approve: 'Đã xác nhận lần thăm hỏi.' },
  },
  event: {
    approved: 'Xác nhận',
  },
} as const;

const en: Widen<typeof vi> = {
  name: 'Support visit',
  newTitle: 'Record a support visit',
  intro: 'A branch or ward officer records a visit, a gift or a funeral condolence; an officer of the ward confirms it.',
  form: {
    kind: 'Kind of visit',
    recipient: 'Visited person',
    memberPicker: 'Pick a member',
    memberPickerHelp: 'Fills in the name; for someone who is not a member, type the name below.',
    name: 'Full name of the visited person',
    date: 'Date of the visit',
    amount: 'Money or value of the gift',
    amountHelp: 'Enter 0 for a visit without money or gift.',
    note: 'Note',
    titleSuggestion: '{{kind}}: {{name}}',
    confirmTitle: 'Send to the ward for confirmation?',
    confirmText: 'The visit “{{title}}” ({{amount}}) will be sent to the ward for confirmation.',
  },
  kind: {
    'hardship-visit': 'Visit to a family in hardship',
    'sick-visit': 'Sick visit',
    'holiday-gift': 'Holiday or Tết gift',
    condolence: 'Funeral condolence',
  },
  detail: {
    kind: 'Kind of visit',
    recipient: 'Visited person',
    member: 'Member of the unit',
    notMember: 'Not a registered member',
    date: 'Date of the visit',
    amount: 'Money or value of the gift',
    note: 'Note',
  },
  action: {
    approve: 'Confirm',
    confirm: { approve: 'Confirm the visit' },
    question: { approve: 'Confirm that the visit “{{title}}” took place as recorded?' },
    done: { approve: 'Visit confirmed.' },
  },
  event: {
    approved: 'Confirmed',
  },
};

export const supportVisitTexts = { vi, en };
