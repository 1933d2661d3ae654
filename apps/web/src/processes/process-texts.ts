import type { TFunction } from 'i18next';

/**
 * A process module's wording of a generic text where it has one, else the generic text:
 * `processText(t, processType, 'action.repayment')` reads "Ghi nhận trả nợ" from a module's
 * texts, and "Ghi nhận hoàn trả" (`action.repayment`) for a process that words it no differently.
 */
export function processText(t: TFunction, processType: string, key: string, options: Record<string, unknown> = {}): string {
  return t([`processes.${processType}.${key}`, key], options);
}

/** "Hỗ trợ nhà ở"; the type itself for a process this build has no texts for. */
export function processName(t: TFunction, processType: string): string {
  return t(`processes.${processType}.name`, { defaultValue: processType });
}

/** A milestone's name in its process ("Bàn giao nhà"), or its code when the module does not name it. */
export function milestoneName(t: TFunction, processType: string, kind: string): string {
  return t(`processes.${processType}.milestone.${kind}`, { defaultValue: kind });
}
