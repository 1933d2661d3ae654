import type { Schemas } from '../../api/client';
import { isPositiveVnd } from '../../lib/money';

type Detail = Schemas['CaseDetailDto'];
type ChainStep = Schemas['ChainStepDto'];
export type DecisionField = Schemas['DecisionFieldDto'];

/**
 * What a decision at the case's current step must carry, as the API describes the step in `chain`
 * (from the process definition: e.g. the district approves "approvedAmount" ≤ the amount requested and
 * "fundingSource"; returning or rejecting needs a reason). The API checks again; its word is final.
 */
export function currentChainStep(c: Detail): ChainStep | undefined {
  const current = c.currentStep;
  return current ? c.chain.find((s) => s.id === current.id) : undefined;
}

/** The fields an approval at the current step must carry; none for other actions. */
export const approveFields = (c: Detail, action: string | null): DecisionField[] =>
  action === 'approve' ? (currentChainStep(c)?.approveData ?? []) : [];

/** Whether the current step wants a comment (the reason) for this decision. */
export const commentRequired = (c: Detail, action: string | null): boolean =>
  (currentChainStep(c)?.commentRequiredFor ?? []).some((a) => a === action);

/** The most a `vnd` field may be: the payload field it names (e.g. requestedAmount), when that is an amount. */
export function capOf(c: Detail, field: DecisionField): number | null {
  if (field.type !== 'vnd' || !field.maxFromPayload) return null;
  const cap = (c.payload as Record<string, unknown>)[field.maxFromPayload];
  return isPositiveVnd(cap) ? cap : null;
}

/** Dialog values → the decision's `data`: amounts as entered, texts trimmed. Call after validation. */
export function decisionData(fields: DecisionField[], values: Record<string, unknown> | undefined): Record<string, unknown> {
  return Object.fromEntries(
    fields.map((f) => {
      const v = values?.[f.name];
      return [f.name, f.type === 'text' && typeof v === 'string' ? v.trim() : v];
    }),
  );
}
