/** A member's standing in the registry: still in the association, moved away, or deceased (with its date). */
export const MEMBER_STATUSES = ['active', 'moved', 'deceased'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

export const MEMBER_GENDERS = ['male', 'female'] as const;
export type MemberGender = (typeof MEMBER_GENDERS)[number];

/**
 * Codes the database gives to members imported without one (`HV-000123`, per organization). A code of
 * this shape typed in a file must already exist: the range is the system's, so the two never collide.
 */
export const GENERATED_MEMBER_CODE = /^HV-\d+$/;
