import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { ValidateBy, ValidationOptions } from 'class-validator';
import { cleanText, isBlankText } from '@lienthong/domain';

/**
 * Free text as it is kept: NFC, without invisible characters at its ends (zero-width spaces, BOM,
 * NBSP…). Runs before validation, so MaxLength counts what is kept. Non-strings pass through to the
 * `@IsString()` beside it.
 */
export const CleanText = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? cleanText(value) : value));

/** A required text must show something: blank to the eye (spaces, zero-width characters…) is a 400 naming the field. */
export const NotBlank = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'notBlank',
      validator: {
        validate: (value: unknown) => !isBlankText(value),
        defaultMessage: (args) => `${args?.property ?? 'value'} must not be blank`,
      },
    },
    options,
  );

/** Cleaned and required: titles, names, reasons. The same judgement as the workflow rules' (libs/domain). */
export const RequiredText = () => applyDecorators(CleanText(), NotBlank());
