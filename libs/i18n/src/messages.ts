/**
 * User-facing messages, Vietnamese first (the default), English second. Codes are stable: clients may
 * switch on them; the texts may be improved at any time. `{name}` placeholders are filled from params.
 */
export const MESSAGES = {
  'auth.invalid_credentials': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: 'Invalid username or password.',
  },
  'auth.too_many_attempts': {
    vi: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {seconds} giây.',
    en: 'Too many failed sign-in attempts. Try again in {seconds} seconds.',
  },
  'auth.address_slowed': {
    vi: 'Tên đăng nhập hoặc mật khẩu không đúng. Có nhiều lần đăng nhập sai từ mạng này, vui lòng đợi {seconds} giây rồi thử lại.',
    en: 'Invalid username or password. There have been many failed sign-ins from this network; wait {seconds} seconds and try again.',
  },
  'auth.token_missing': {
    vi: 'Bạn cần đăng nhập để sử dụng chức năng này.',
    en: 'You need to sign in to use this.',
  },
  'auth.token_invalid': {
    vi: 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
    en: 'Your session is invalid or has expired. Please sign in again.',
  },
  'unit.not_found': { vi: 'Không tìm thấy đơn vị.', en: 'Unit not found.' },
  'member.manage_forbidden': {
    vi: 'Chỉ chủ tịch, cán bộ của {unit} (hoặc đơn vị cấp trên) và quản trị viên mới được quản lý hội viên của đơn vị này.',
    en: 'Only the chair or officers of {unit} (or of a unit above it) and admins may manage its members.',
  },
  'member.import_file_missing': {
    vi: 'Chưa chọn tệp: gửi tệp Excel (.xlsx) trong trường "file".',
    en: 'No file: send an Excel workbook (.xlsx) in the "file" field.',
  },
  'member.import_not_xlsx': {
    vi: 'Tệp "{name}" không phải tệp Excel .xlsx. Hãy dùng tệp mẫu tải từ hệ thống (tệp .xls cũ cần lưu lại thành .xlsx).',
    en: 'The file "{name}" is not an Excel .xlsx workbook. Use the downloadable template (save an old .xls as .xlsx).',
  },
  'member.import_unreadable': {
    vi: 'Không đọc được tệp Excel (tệp hỏng hoặc có mật khẩu).',
    en: 'The Excel file cannot be read (damaged or password-protected).',
  },
  'member.import_no_header': {
    vi: 'Không tìm thấy dòng tiêu đề có cột "Họ và tên" trong 10 dòng đầu. Hãy dùng tệp mẫu.',
    en: 'No header row with a "Họ và tên" column in the first 10 rows. Use the template.',
  },
  'member.import_too_many_rows': {
    vi: 'Tệp có quá 20.000 dòng; hãy chia thành nhiều tệp.',
    en: 'The file has more than 20,000 rows; split it into several files.',
  },
  'smoke.not_found': { vi: 'Không tìm thấy lần kiểm tra này.', en: 'Smoke ping not found.' },
  'smoke.admin_only': {
    vi: 'Chỉ quản trị viên mới được chạy kiểm tra hệ thống.',
    en: 'Only an admin may run the system smoke test.',
  },
  'case.not_found': { vi: 'Không tìm thấy hồ sơ.', en: 'Case not found.' },
  'case.closed': { vi: 'Hồ sơ đã kết thúc ({status}), không thể thay đổi.', en: 'The case is closed ({status}) and can no longer change.' },
  'case.awaiting_resubmission': {
    vi: 'Hồ sơ đang được trả lại cho người lập để bổ sung; chưa thể quyết định.',
    en: 'The case was returned to its initiator for revision; it cannot be decided now.',
  },
  'case.not_awaiting_decision': { vi: 'Hồ sơ không ở bước chờ quyết định.', en: 'The case is not waiting for a decision.' },
  'case.stale_step': {
    vi: 'Hồ sơ đã chuyển sang bước khác (bạn xem khi hồ sơ ở {expected}, nay đã đến {current}): đã có người quyết định trước.',
    en: 'The case has moved on (you saw it at {expected}; it is now with {current}): someone decided first.',
  },
  'case.already_decided': { vi: 'Bạn đã quyết định ở bước này rồi.', en: 'You have already decided at this step.' },
  'case.not_decider': {
    vi: 'Chỉ cán bộ của {unit} mới được quyết định ở bước này.',
    en: 'Only officers of {unit} may decide at this step.',
  },
  'case.chair_only': {
    vi: 'Chỉ Chủ tịch {unit} mới được quyết định ở bước này.',
    en: 'Only the chair of {unit} may decide at this step.',
  },
  'case.officer_only': {
    vi: 'Bước này do cán bộ của {unit} quyết định, không do Chủ tịch.',
    en: 'This step is decided by the officers of {unit}, not by the chair.',
  },
  'case.not_council_member': {
    vi: 'Chỉ thành viên hội đồng của {unit} mới được biểu quyết ở bước này.',
    en: 'Only members of the council of {unit} vote at this step.',
  },
  'case.own_case': { vi: 'Người lập hồ sơ không được tự duyệt hồ sơ của mình.', en: 'The initiator of a case may not decide on it.' },
  'case.decided_other_step': {
    vi: 'Bạn đã quyết định ở một bước khác của hồ sơ này; mỗi người chỉ quyết định một bước.',
    en: 'You decided another step of this case; one person decides at most one step.',
  },
  'case.action_not_allowed': { vi: 'Bước này không cho phép thao tác "{action}".', en: 'This step does not allow "{action}".' },
  'case.comment_required': { vi: 'Cần ghi lý do khi {action}.', en: 'A comment is required to {action}.' },
  'case.field_required': { vi: 'Thiếu trường bắt buộc {field}.', en: 'The field {field} is required.' },
  'case.field_unknown': { vi: 'Trường {field} không được chấp nhận ở đây.', en: 'The field {field} is not accepted here.' },
  'case.field_invalid': { vi: 'Giá trị của trường {field} không hợp lệ.', en: 'The field {field} has an invalid value.' },
  'case.amount_invalid': {
    vi: 'Số tiền {field} phải là số nguyên đồng dương.',
    en: 'The amount {field} must be a positive whole number of đồng.',
  },
  'case.amount_above': {
    vi: 'Số tiền {field} vượt quá số tiền đề nghị ({max} đồng).',
    en: 'The amount {field} exceeds the requested amount ({max} VND).',
  },
  'case.amount_above_cap': {
    vi: 'Số tiền duyệt vượt mức hỗ trợ tối đa {max} đồng (áp dụng từ {since}).',
    en: 'The approved amount exceeds the maximum support of {max} VND (in force since {since}).',
  },
  'case.amount_above_cap_undated': {
    vi: 'Số tiền duyệt vượt mức hỗ trợ tối đa {max} đồng.',
    en: 'The approved amount exceeds the maximum support of {max} VND.',
  },
  'case.not_initiator': { vi: 'Chỉ người lập hồ sơ mới được làm việc này.', en: 'Only the initiator of the case may do this.' },
  'case.not_returned': { vi: 'Hồ sơ không ở trạng thái bị trả lại.', en: 'The case has not been returned for revision.' },
  'case.cancel_after_approval': {
    vi: 'Hồ sơ đã được duyệt ở ít nhất một cấp nên không thể hủy.',
    en: 'The case has been approved at a level already and can no longer be cancelled.',
  },
  'case.not_in_progress': { vi: 'Hồ sơ chưa được phê duyệt để triển khai.', en: 'The case is not in its execution phase.' },
  'case.not_milestone_recorder': {
    vi: 'Bạn không thuộc đơn vị được ghi nhận mốc tiến độ này.',
    en: 'Your unit does not record this milestone.',
  },
  'case.milestones_done': { vi: 'Mọi mốc tiến độ đã được ghi nhận.', en: 'Every milestone has been recorded.' },
  'case.milestone_out_of_order': {
    vi: 'Cần cập nhật mốc "{expected}" trước mốc "{kind}".',
    en: 'The milestone "{expected}" comes before "{kind}".',
  },
  'case.date_in_future': { vi: 'Ngày ghi nhận ({field}) không được ở tương lai.', en: 'The date ({field}) may not be in the future.' },
  'case.date_too_early': {
    vi: 'Ngày ghi nhận ({field}) không được trước ngày {min} (theo giờ Việt Nam).',
    en: 'The date ({field}) may not be before {min} (Vietnam time).',
  },
  'case.not_disburser': {
    vi: 'Chỉ cán bộ của cấp đã phê duyệt mới được ghi nhận giải ngân.',
    en: 'Only officers of the approving unit may record disbursements.',
  },
  'case.not_repayment_recorder': {
    vi: 'Chỉ cán bộ của cấp đã phê duyệt mới được ghi nhận tiền trả lại.',
    en: 'Only officers of the approving unit may record repayments.',
  },
  'case.fully_disbursed': { vi: 'Đã giải ngân đủ số tiền được duyệt.', en: 'The approved amount has been disbursed in full.' },
  'case.nothing_to_repay': { vi: 'Không còn khoản nào phải trả.', en: 'Nothing is outstanding.' },
  'case.ledger_settled': {
    vi: 'Hồ sơ đã được quyết toán, không ghi nhận thêm khoản chi.',
    en: 'The ledger of this case was settled; nothing more can be paid out.',
  },
  'case.repayment_exceeds': {
    vi: 'Không thể ghi nhận {amount} đồng: vượt quá số còn phải trả ({outstanding} đồng).',
    en: 'Cannot record {amount} VND: only {outstanding} VND are outstanding.',
  },
  'case.operation_not_offered': {
    vi: 'Quy trình của hồ sơ này không có thao tác "{operation}".',
    en: 'The process of this case has no "{operation}" operation.',
  },
  'case.disbursement_exceeds': {
    vi: 'Không thể giải ngân {amount} đồng: vượt quá số tiền được duyệt, chỉ còn {remaining} đồng.',
    en: 'Cannot disburse {amount} VND: it exceeds the approved amount; {remaining} VND remain.',
  },
  'case.origin_level': { vi: 'Hồ sơ loại này chỉ được lập ở cấp: {levels}.', en: 'Cases of this kind start at: {levels}.' },
  'case.no_deciding_unit': {
    vi: 'Tổ chức không có đơn vị cấp {levels} để xét bước {step}.',
    en: 'The organization has no unit at level {levels} to decide step {step}.',
  },
  'case.no_council': {
    vi: '{unit} chưa có hội đồng để biểu quyết hồ sơ loại này.',
    en: '{unit} has no council to vote on cases of this kind.',
  },
  'case.council_too_small': {
    vi: 'Hội đồng của {unit} chỉ có {members} thành viên được biểu quyết hồ sơ này, không đủ {required} phiếu cần có.',
    en: 'The council of {unit} has only {members} members who may vote on this case, fewer than the {required} votes required.',
  },
  'case.setting_not_in_force': {
    vi: 'Quy trình chưa có mức "{setting}" áp dụng cho ngày lập hồ sơ.',
    en: 'The process has no value of "{setting}" in force on the date of the case.',
  },
  'case.not_unit_officer': {
    vi: 'Chỉ cán bộ của đơn vị (hoặc cấp trên) mới được lập hồ sơ cho đơn vị này.',
    en: 'Only officers of the unit (or of a unit above it) may open a case for it.',
  },
  'case.member_not_in_unit': {
    vi: 'Hội viên được chọn không thuộc đơn vị lập hồ sơ.',
    en: 'The chosen member does not belong to the unit opening the case.',
  },
  'process.unknown': { vi: 'Không có quy trình "{processType}".', en: 'There is no process "{processType}".' },
  'process.not_startable': {
    vi: 'Hồ sơ "{processType}" không lập trực tiếp được: hãy lập từ màn hình nghiệp vụ của nó (ví dụ cuộc vận động).',
    en: 'A "{processType}" case is not opened directly: open it from its own screen (such as the campaign).',
  },
  'idempotency.key_required': {
    vi: 'Thiếu tiêu đề Idempotency-Key (mỗi thao tác tạo hoặc quyết định cần một khóa riêng).',
    en: 'The Idempotency-Key header is required on every request that creates or decides.',
  },
  'idempotency.key_reused': {
    vi: 'Idempotency-Key này đã được dùng cho một yêu cầu khác.',
    en: 'This Idempotency-Key was already used for a different request.',
  },
  'notification.not_found': { vi: 'Không tìm thấy thông báo.', en: 'Notification not found.' },
  'notification.decision_needed': { vi: 'Hồ sơ "{title}" đang chờ bạn quyết định.', en: 'The case "{title}" is waiting for your decision.' },
  'notification.case_returned': { vi: 'Hồ sơ "{title}" bị trả lại để bổ sung.', en: 'The case "{title}" was returned for revision.' },
  'notification.case_approved': { vi: 'Hồ sơ "{title}" đã được phê duyệt.', en: 'The case "{title}" was approved.' },
  'notification.case_rejected': { vi: 'Hồ sơ "{title}" không được chấp thuận.', en: 'The case "{title}" was rejected.' },
  'notification.case_cancelled': { vi: 'Hồ sơ "{title}" đã bị hủy.', en: 'The case "{title}" was cancelled.' },
  'notification.case_overdue': { vi: 'Hồ sơ "{title}" đã quá hạn xử lý.', en: 'The case "{title}" is overdue.' },
  'notification.case_escalated': {
    vi: 'Hồ sơ "{title}" quá hạn ở cấp dưới và được báo lên đơn vị của bạn.',
    en: 'The case "{title}" is overdue at the level below and was escalated to your unit.',
  },
  'notification.milestone_overdue': { vi: 'Hồ sơ "{title}" chậm tiến độ.', en: 'The case "{title}" is behind schedule.' },
  'notification.case_completed': { vi: 'Hồ sơ "{title}" đã hoàn thành.', en: 'The case "{title}" is complete.' },
  'campaign.not_found': { vi: 'Không tìm thấy cuộc vận động.', en: 'Campaign not found.' },
  'campaign.closed': {
    vi: 'Cuộc vận động đã kết thúc (hạn cuối {endDate}), không nhận thêm.',
    en: 'The campaign is over (it ended on {endDate}) and takes nothing more.',
  },
  'campaign.cancelled': { vi: 'Cuộc vận động đã bị hủy, không nhận thêm.', en: 'The campaign was cancelled and takes nothing more.' },
  'campaign.not_open': { vi: 'Cuộc vận động chưa được phát động.', en: 'The campaign has not been launched yet.' },
  'campaign.already_open': { vi: 'Cuộc vận động đã được phát động rồi.', en: 'The campaign has already been launched.' },
  'campaign.not_unit_officer': {
    vi: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị mới được làm việc này.',
    en: 'Only officers or the chair of the unit may do this.',
  },
  'campaign.not_launching_unit': {
    vi: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị phát động mới được làm việc này.',
    en: 'Only officers or the chair of the launching unit may do this.',
  },
  'campaign.not_parent_officer': {
    vi: 'Chỉ cán bộ hoặc Chủ tịch của đơn vị cấp trên trực tiếp mới được giao chỉ tiêu cho đơn vị này.',
    en: "Only officers or the chair of the unit's parent may set its quota.",
  },
  'campaign.quota_root': {
    vi: 'Chỉ tiêu của đơn vị phát động chính là mục tiêu của cuộc vận động.',
    en: "The launching unit's quota is the campaign's target.",
  },
  'campaign.unit_outside': {
    vi: 'Đơn vị này không thuộc phạm vi cuộc vận động.',
    en: 'This unit is not part of the campaign.',
  },
  'campaign.target_invalid': { vi: 'Mục tiêu phải là số nguyên đồng, ít nhất 1 đồng.', en: 'The target must be a whole number of đồng, at least 1.' },
  'campaign.suggestion_invalid': {
    vi: 'Mức gợi ý phải là số nguyên đồng, ít nhất 1 đồng.',
    en: 'The suggested gift must be a whole number of đồng, at least 1.',
  },
  'campaign.start_in_past': { vi: 'Ngày bắt đầu không được trước hôm nay ({today}).', en: 'The start date may not be before today ({today}).' },
  'campaign.end_before_start': { vi: 'Ngày kết thúc không được trước ngày bắt đầu.', en: 'The end date may not be before the start date.' },
  'campaign.contribution_date_future': {
    vi: 'Ngày đóng góp không được sau hôm nay ({today}).',
    en: 'The contribution date may not be after today ({today}).',
  },
  'campaign.contribution_date_outside': {
    vi: 'Ngày đóng góp phải trong thời gian cuộc vận động ({startDate} – {endDate}).',
    en: 'The contribution date must fall within the campaign ({startDate} – {endDate}).',
  },
  'campaign.donor_name_required': { vi: 'Cần ghi tên người hoặc tổ chức đóng góp.', en: 'The donor’s name is required.' },
  'campaign.donor_anonymous_named': {
    vi: 'Đóng góp ẩn danh không ghi tên hay mã hội viên, cũng không công khai tên.',
    en: 'An anonymous gift carries neither a name nor a member, and no name to publish.',
  },
  'campaign.donor_member_kind': {
    vi: 'Chỉ người đóng góp là hội viên mới có mã hội viên.',
    en: 'Only a member donor has a member ID.',
  },
  'campaign.member_not_in_unit': {
    vi: 'Hội viên được chọn không thuộc đơn vị ghi nhận đóng góp.',
    en: 'The chosen member does not belong to the unit recording the contribution.',
  },
  'campaign.contribution_not_found': { vi: 'Không tìm thấy khoản đóng góp.', en: 'Contribution not found.' },
  'campaign.already_reversed': { vi: 'Khoản đóng góp này đã được hủy rồi.', en: 'This contribution has already been reversed.' },
  'campaign.reversal_of_reversal': { vi: 'Không thể hủy một bút toán hủy.', en: 'A reversal cannot itself be reversed.' },
  'campaign.request_root': {
    vi: 'Đơn vị phát động không nộp tiền hay xin gia hạn trong cuộc vận động của chính mình.',
    en: 'The launching unit neither remits nor asks for an extension in its own campaign.',
  },
  'campaign.remittance_amount_invalid': { vi: 'Số tiền nộp phải là số nguyên đồng, ít nhất 1 đồng.', en: 'The amount must be a whole number of đồng, at least 1.' },
  'campaign.remittance_exceeds_holdings': {
    vi: 'Số tiền nộp ({amount} đồng) vượt quá số tiền đơn vị đang giữ ({holds} đồng).',
    en: 'The amount ({amount} VND) exceeds what the unit holds ({holds} VND).',
  },
  'campaign.remittance_date_future': { vi: 'Ngày nộp tiền không được sau hôm nay ({today}).', en: 'The date may not be after today ({today}).' },
  'campaign.remittance_date_before_start': {
    vi: 'Ngày nộp tiền không được trước ngày bắt đầu cuộc vận động ({startDate}).',
    en: 'The date may not be before the campaign started ({startDate}).',
  },
  'campaign.extension_not_later': {
    vi: 'Ngày gia hạn phải sau ngày kết thúc cuộc vận động ({endDate}).',
    en: 'The extension must run past the campaign’s end date ({endDate}).',
  },
  'campaign.extension_in_past': { vi: 'Ngày gia hạn không được trước hôm nay ({today}).', en: 'The extension may not end before today ({today}).' },
  'campaign.extension_pending': {
    vi: 'Đơn vị đã có một đề nghị gia hạn đang chờ cấp trên quyết định.',
    en: 'The unit already has an extension request waiting for its parent’s decision.',
  },
  'campaign.entries_officers_only': {
    vi: 'Chỉ cán bộ của đơn vị (hoặc cấp trên) mới xem được danh sách đóng góp.',
    en: "Only officers of the unit (or of a unit above it) may see its contributions.",
  },
  'campaign.receipt_of_reversal': {
    vi: 'Bút toán hủy không có biên nhận riêng; biên nhận của khoản gốc vẫn giữ số cũ và ghi rõ đã hủy.',
    en: 'A reversal has no receipt of its own; the original entry’s receipt keeps its number and says it was reversed.',
  },
  'notification.campaign_launched': {
    vi: '{unit} phát động cuộc vận động "{title}" (đến hết ngày {endDate}).',
    en: '{unit} launched the campaign "{title}" (until the end of {endDate}).',
  },
  'notification.campaign_behind': {
    vi: 'Cuộc vận động "{title}" còn {days} ngày; {unit} mới đạt {percent}% chỉ tiêu.',
    en: 'The campaign "{title}" ends in {days} days; {unit} has reached {percent}% of its quota.',
  },
  'calendar.admin_only': {
    vi: 'Chỉ quản trị viên mới được sửa lịch ngày nghỉ lễ và ngày làm bù.',
    en: 'Only an admin may change the calendar of holidays and make-up working days.',
  },
  'admin.only': { vi: 'Chỉ quản trị viên mới được thực hiện thao tác này.', en: 'Only an admin may do this.' },
  'calendar.working_on_weekday': {
    vi: 'Ngày {date} là ngày làm việc bình thường; chỉ thứ Bảy hoặc Chủ nhật mới có thể là ngày làm bù.',
    en: '{date} is an ordinary working day; only a Saturday or Sunday can be a make-up working day.',
  },
  'validation.failed': { vi: 'Dữ liệu không hợp lệ: {fields}.', en: 'Invalid input: {fields}.' },
  'request.malformed': { vi: 'Yêu cầu không hợp lệ: {reason}', en: 'Malformed request: {reason}' },
  'request.too_large': {
    vi: 'Nội dung yêu cầu quá lớn (tối đa {limit}).',
    en: 'The request body is too large (at most {limit}).',
  },
  'request.too_deep': {
    vi: 'Nội dung yêu cầu có quá nhiều cấp lồng nhau (tối đa {max} cấp).',
    en: 'The request body is nested too deeply (at most {max} levels).',
  },
  'route.not_found': { vi: 'Không tìm thấy đường dẫn {path}.', en: 'No route {path}.' },
  'temporal.unavailable': {
    vi: 'Máy chủ quy trình (Temporal) tạm thời không phản hồi. Vui lòng thử lại sau.',
    en: 'The workflow server (Temporal) is not responding. Please try again later.',
  },
  internal: {
    vi: 'Đã có lỗi hệ thống. Vui lòng thử lại sau.',
    en: 'Something went wrong on our side. Please try again later.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type MessageCode = keyof typeof MESSAGES;
export type Language = 'vi' | 'en';
export const DEFAULT_LANGUAGE: Language = 'vi';

const NUMBER_FORMAT: Record<Language, Intl.NumberFormat> = {
  vi: new Intl.NumberFormat('vi-VN'),
  en: new Intl.NumberFormat('en-US'),
};

export function translate(code: MessageCode, language: Language, params: Record<string, string | number> = {}): string {
  return translateFrom(MESSAGES, code, language, params);
}

/**
 * A message from `catalogue` (the chain's and the process modules' messages together, in the API). A
 * code the catalogue lacks reads as itself rather than failing the request that carries it.
 */
export function translateFrom(
  catalogue: Record<string, { vi: string; en: string }>,
  code: string,
  language: Language,
  params: Record<string, string | number> = {},
): string {
  const fill = (key: string) => {
    const value = params[key];
    if (value === undefined) return `{${key}}`;
    // Amounts read as people write them: 20.000.000 in Vietnamese, 20,000,000 in English.
    return typeof value === 'number' ? NUMBER_FORMAT[language].format(value) : value;
  };
  // NFC so that composed and decomposed diacritics in params (user input) come out the same.
  const text = Object.hasOwn(catalogue, code) ? catalogue[code][language] : code;
  return text.replace(/\{(\w+)\}/g, (_, key: string) => fill(key)).normalize('NFC');
}

/** Picks vi or en from an Accept-Language header (`en-US,en;q=0.9` → en); Vietnamese unless English is preferred. */
export function languageFrom(acceptLanguage: string | undefined): Language {
  if (!acceptLanguage) return DEFAULT_LANGUAGE;
  const ranked = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag, ...rest] = part.trim().toLowerCase().split(';');
      const q = rest.find((p) => p.trim().startsWith('q='));
      return { tag: tag.trim(), q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((x) => x.tag && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag === 'vi' || tag.startsWith('vi-')) return 'vi';
    if (tag === 'en' || tag.startsWith('en-')) return 'en';
  }
  return DEFAULT_LANGUAGE;
}
