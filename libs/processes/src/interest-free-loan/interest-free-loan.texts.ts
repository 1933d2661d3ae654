import type { Messages } from '@lienthong/domain';

export const interestFreeLoanMessages: Messages = {
  'notification.repayment_overdue': {
    vi: 'Khoản vay "{title}" đã quá hạn trả ({dueDate}), còn nợ {outstanding} đồng.',
    en: 'The loan "{title}" was due on {dueDate}; {outstanding} VND are outstanding.',
  },
};
