import type { Messages, ProcessDefinition } from '@lienthong/domain';
import type { Rule } from 'antd/es/form';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { formatPlainDate, formatVnd, groupDigits, todayInVietnam } from '../lib/format';

/**
 * A process form's rules are the API's: the module's zod payload schema (from @lienthong/processes,
 * the one the API parses with) and its definition's business rules (`checkPayload`: requested ≤
 * estimate, no visit in the future). Nothing is copied by hand: each field's rule parses the whole
 * payload and shows the issues at its own path, in the user's language, naming the field; whether a
 * field is required and how long it may be are read from the schema too. The API checks again.
 *
 * The form keeps the payload under `payload` with the payload's own field names, so a zod issue's
 * path is the form field's name.
 */
export type Path = (string | number)[];

/** Where a form keeps the payload: `['payload', 'person', 'name']` is `payload.person.name`. */
export const PAYLOAD = 'payload';

export interface FieldSpec {
  /** The field's label, as on screen; messages name the field by it. */
  label: string;
  /** A choice (a select, the member picker): "Vui lòng chọn …" when nothing is chosen. */
  choose?: boolean;
  /** An amount in đồng: limits are written as amounts. */
  vnd?: boolean;
  /** What to say when the value does not have the schema's format (a phone number's pattern). */
  formatMessage?: string;
}

export interface SchemaFormOptions<P> {
  schema: z.ZodType<P>;
  /** The definition whose `checkPayload` also applies (the rules beyond the schema's shapes). */
  definition?: ProcessDefinition;
  /** Where each of those rules' refusals belongs: code → payload path. */
  violationFields?: Record<string, Path>;
  /** The server module's messages (vi, en) for those codes. */
  messages?: Messages;
}

export interface Limits {
  maxLength?: number;
  min?: number;
  max?: number;
  maxItems?: number;
}

type AnySchema = z.ZodType;

function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodDefault || s instanceof z.ZodNullable) s = s.unwrap() as AnySchema;
  return s;
}

/** The part of a schema at a payload path (through objects, arrays, optional and default). */
export function schemaAt(schema: AnySchema, path: Path): AnySchema | null {
  let s: AnySchema | undefined = schema;
  for (const key of path) {
    const inner: AnySchema = unwrap(s);
    if (inner instanceof z.ZodObject) s = (inner.shape as Record<string, AnySchema>)[String(key)];
    else if (inner instanceof z.ZodArray) s = inner.element as AnySchema;
    else return null;
    if (!s) return null;
  }
  return s;
}

/** Whether the schema wants a value at `path` (not optional, no default). */
export function isRequiredAt(schema: AnySchema, path: Path): boolean {
  const s = schemaAt(schema, path);
  return s !== null && !s.isOptional();
}

/** The bounds the schema sets at `path`: an input's maxLength, a number's range, a list's length. */
export function limitsAt(schema: AnySchema, path: Path): Limits {
  const s = schemaAt(schema, path);
  if (!s) return {};
  const inner = unwrap(s);
  if (inner instanceof z.ZodString) return { maxLength: inner.maxLength ?? undefined };
  if (inner instanceof z.ZodNumber) return { min: inner.minValue ?? undefined, max: inner.maxValue ?? undefined };
  if (inner instanceof z.ZodArray) {
    const check = (inner.def.checks ?? []).map((c) => c._zod.def as { check: string; maximum?: number }).find((d) => d.check === 'max_length');
    return { maxItems: check?.maximum };
  }
  return {};
}

/**
 * Form values → what the API would get: dates as YYYY-MM-DD, blank texts and empty choices left
 * out (so a missing required field reads "required", and an empty optional one is not sent).
 */
export function toCandidate(value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (dayjs.isDayjs(value)) return value.format('YYYY-MM-DD');
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  if (Array.isArray(value)) return value.map((v) => toCandidate(v) ?? {});
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const c = toCandidate(v);
      if (c !== undefined) out[k] = c;
    }
    return out;
  }
  return value;
}

const samePath = (a: readonly PropertyKey[], b: Path) => a.length === b.length && a.every((k, i) => String(k) === String(b[i]));

function valueAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const key of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[String(key)];
  }
  return v;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase() + s.slice(1);

/** "Vui lòng nhập họ và tên người được hỗ trợ." / "Vui lòng chọn hình thức." */
const missingMessage = (spec: FieldSpec, t: TFunction) => t(spec.choose ? 'form.errors.choose' : 'form.errors.required', { field: lowerFirst(spec.label) });

/** A zod issue as a sentence about the field, in the user's language. */
export function issueMessage(issue: z.core.$ZodIssue, missing: boolean, spec: FieldSpec, t: TFunction, lang: 'vi' | 'en'): string {
  const field = spec.label;
  const amount = (n: unknown) => (spec.vnd ? formatVnd(Number(n), lang) : groupDigits(Number(n), lang));
  if (missing) return missingMessage(spec, t);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return t('form.errors.tooShort', { field, min: issue.minimum });
      if (issue.origin === 'number' && spec.vnd && Number(issue.minimum) === 1 && issue.inclusive) return t('form.errors.positive', { field });
      if (issue.origin === 'number') return t('form.errors.min', { field, min: amount(issue.minimum) });
      break;
    case 'too_big':
      if (issue.origin === 'string') return t('form.errors.tooLong', { field, max: issue.maximum });
      if (issue.origin === 'number') return t('form.errors.max', { field, max: amount(issue.maximum) });
      if (issue.origin === 'array') return t('form.errors.tooMany', { field, max: issue.maximum });
      break;
    case 'invalid_type':
      if (issue.expected === 'int') return t('form.errors.integer', { field });
      break;
    case 'invalid_format':
      return spec.formatMessage ?? t(issue.format === 'date' ? 'form.errors.date' : 'form.errors.format', { field });
    case 'invalid_value':
      return t('form.errors.choose', { field: lowerFirst(field) });
  }
  return spec.formatMessage ?? t('form.errors.invalid', { field });
}

/** A server message ("… dự toán ({max} đồng).") with its parameters as people write them. */
function violationText(template: string, params: Record<string, string | number> | undefined, lang: 'vi' | 'en'): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params?.[name];
    if (typeof v === 'number') return groupDigits(v, lang);
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatPlainDate(v) : v;
    return whole;
  });
}

export interface SchemaForm<P> {
  /** Props for the Form.Item of the payload field at `path`: name, label (marked optional), required, rules. */
  item(path: Path, spec: FieldSpec): { name: Path; label: string; required: boolean; rules: Rule[] };
  /** The schema's bounds at `path`, for the input's own limits (maxLength, min, max). */
  limits(path: Path): Limits;
  /** What is wrong at `path` for these form values (the payload part), or null. */
  messageAt(path: Path, spec: FieldSpec, formPayload: unknown): string | null;
  /** The payload the API gets, parsed by its schema (trimmed, defaults filled); call after the form validated. */
  parse(formPayload: unknown): P;
}

export function schemaForm<P>(options: SchemaFormOptions<P>, t: TFunction, lang: 'vi' | 'en'): SchemaForm<P> {
  const { schema, definition, violationFields = {}, messages = {} } = options;

  const messageAt = (path: Path, spec: FieldSpec, formPayload: unknown): string | null => {
    const candidate = toCandidate(formPayload) ?? {};
    const result = schema.safeParse(candidate);
    if (!result.success) {
      const issue = result.error.issues.find((i) => samePath(i.path, path));
      if (issue) return issueMessage(issue, valueAt(candidate, path) === undefined, spec, t, lang);
      // Nothing entered yet in a group (`person` absent): the issue is the group's, the field is missing.
      const groupMissing = result.error.issues.some((i) => i.path.length < path.length && samePath(i.path, path.slice(0, i.path.length)) && valueAt(candidate, i.path as Path) === undefined);
      if (groupMissing && isRequiredAt(schema as AnySchema, path)) return missingMessage(spec, t);
    }
    // The definition's own rules, on what is there so far: a refusal is shown at its field as soon as
    // the values it compares are entered, whatever else is still missing.
    let violation: ReturnType<NonNullable<ProcessDefinition['checkPayload']>> = null;
    try {
      violation = definition?.checkPayload?.(candidate as Record<string, unknown>, todayInVietnam()) ?? null;
    } catch {
      violation = null; // a rule written for a complete payload, given a partial one
    }
    const at = violation ? violationFields[violation.code] : undefined;
    if (violation && at && samePath(at, path)) {
      const template = messages[violation.code]?.[lang];
      return template ? violationText(template, violation.params, lang) : t('form.errors.invalid', { field: spec.label });
    }
    return null;
  };

  return {
    item(path, spec) {
      const required = isRequiredAt(schema as AnySchema, path);
      return {
        name: [PAYLOAD, ...path],
        label: required ? spec.label : `${spec.label} ${t('common.optional')}`,
        required,
        rules: [
          ({ getFieldValue }) => ({
            validator: async () => {
              const message = messageAt(path, spec, getFieldValue(PAYLOAD));
              if (message) throw new Error(message);
            },
          }),
        ],
      };
    },
    limits: (path) => limitsAt(schema as AnySchema, path),
    messageAt,
    parse: (formPayload) => schema.parse(toCandidate(formPayload) ?? {}),
  };
}

/** `schemaForm` in the user's language. */
export function useSchemaForm<P>(options: SchemaFormOptions<P>): SchemaForm<P> {
  const { t, i18n } = useTranslation();
  return schemaForm(options, t, i18n.language === 'en' ? 'en' : 'vi');
}
