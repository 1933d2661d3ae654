import type { TFunction } from 'i18next';
import type { Rule } from 'antd/es/form';
import { formatVnd } from '../lib/format';

/**
 * The housing-support payload as the form edits it, and the checks the API makes on it
 * (libs/domain/src/processes/housing-support.definition.ts), mirrored so a mistake is shown beside its
 * field before anything is sent. The API checks again; its word is final.
 */
export const LIMITS = { name: 200, address: 500, situation: 5000, title: 300, source: 200, otherFunding: 20 } as const;
export const PHONE = /^\+?[0-9 .-]{8,20}$/;
export const KINDS = ['new-build', 'repair'] as const;
export type HousingKind = (typeof KINDS)[number];

export interface HousingPayload {
  beneficiary: { name: string; address: string; phone?: string; memberId?: string };
  situation: string;
  kind: HousingKind;
  estimatedCost: number;
  requestedAmount: number;
  otherFunding: { source: string; amount: number }[];
}

export interface HousingFormValues {
  unitId: string;
  memberId?: string;
  title: string;
  name: string;
  address: string;
  phone?: string;
  situation: string;
  kind: HousingKind;
  estimatedCost?: number;
  requestedAmount?: number;
  otherFunding?: { source?: string; amount?: number }[];
  comment?: string;
}

/** Whole đồng, at least 1, and exact in JSON. */
export const isVnd = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;

/** Form values → the API's payload (texts trimmed, empty optionals left out). Call after validation. */
export function toPayload(v: HousingFormValues): HousingPayload {
  const phone = v.phone?.trim();
  return {
    beneficiary: {
      name: v.name.trim(),
      address: v.address.trim(),
      ...(phone ? { phone } : {}),
      ...(v.memberId ? { memberId: v.memberId } : {}),
    },
    situation: v.situation.trim(),
    kind: v.kind,
    estimatedCost: v.estimatedCost!,
    requestedAmount: v.requestedAmount!,
    otherFunding: (v.otherFunding ?? []).map((f) => ({ source: f.source!.trim(), amount: f.amount! })),
  };
}

/** A stored payload → form values, to revise a returned case. */
export function fromPayload(p: HousingPayload, unitId: string, title: string): HousingFormValues {
  return {
    unitId,
    memberId: p.beneficiary.memberId,
    title,
    name: p.beneficiary.name,
    address: p.beneficiary.address,
    phone: p.beneficiary.phone,
    situation: p.situation,
    kind: p.kind,
    estimatedCost: p.estimatedCost,
    requestedAmount: p.requestedAmount,
    otherFunding: p.otherFunding ?? [],
  };
}

/** The suggested title, as officers write them: "Xây mới nhà cho hội viên Nguyễn Văn Hùng". */
export function suggestTitle(t: TFunction, kind: HousingKind | undefined, name: string | undefined): string {
  if (!kind || !name?.trim()) return '';
  return t('form.titleSuggestion', { kind: t(`kind.${kind}`), name: name.trim() });
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** The antd rules of each field, messages in the user's language. */
export function housingRules(t: TFunction, lang: 'vi' | 'en') {
  const text = (label: string, max: number, required = true): Rule[] => [
    {
      validator: async (_, value: string | undefined) => {
        const v = value?.trim() ?? '';
        if (required && !v) throw new Error(t('form.errors.required', { field: lowerFirst(label) }));
        if (v.length > max) throw new Error(t('form.errors.tooLong', { field: label, max }));
      },
    },
  ];
  const amount = (label: string): Rule[] => [
    {
      validator: async (_, value: unknown) => {
        if (value === undefined || value === null) throw new Error(t('form.errors.required', { field: lowerFirst(label) }));
        if (!isVnd(value)) throw new Error(t('form.errors.amount'));
      },
    },
  ];
  return {
    title: text(t('form.title'), LIMITS.title),
    name: text(t('form.name'), LIMITS.name),
    address: text(t('form.address'), LIMITS.address),
    situation: text(t('form.situation'), LIMITS.situation),
    phone: [
      {
        validator: async (_: unknown, value: string | undefined) => {
          const v = value?.trim();
          if (v && !PHONE.test(v)) throw new Error(t('form.errors.phone'));
        },
      },
    ] as Rule[],
    kind: [{ required: true, message: t('form.errors.required', { field: lowerFirst(t('form.kind')) }) }] as Rule[],
    estimatedCost: amount(t('form.estimatedCost')),
    requestedAmount: [
      ...amount(t('form.requestedAmount')),
      ({ getFieldValue }) => ({
        validator: async (_: unknown, value: unknown) => {
          const estimate = getFieldValue('estimatedCost');
          if (isVnd(value) && isVnd(estimate) && value > estimate) {
            throw new Error(t('form.errors.requestedAboveEstimate', { max: formatVnd(estimate, lang) }));
          }
        },
      }),
    ] as Rule[],
    fundingSource: text(t('form.fundingSource'), LIMITS.source),
    fundingAmount: amount(t('form.fundingAmount')),
  };
}
