import { ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { DomainError, isIsoDate } from '@lienthong/domain';

/** A UUID path parameter; anything else is a 400 in our error shape naming the parameter. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('invalid', 'validation.failed', { fields: field }, [{ field, messages: [`${field} must be a UUID`] }]),
  });

const invalidParam = (field: string, message: string) =>
  new DomainError('invalid', 'validation.failed', { fields: field }, [{ field, messages: [message] }]);

/** Years the calendar speaks of; outside them a date is a typo, not a plan. */
export const CALENDAR_YEARS = { min: 2000, max: 2100 } as const;

/** A `YYYY-MM-DD` path parameter naming a real day between 2000 and 2100; otherwise a 400 naming it. */
export const isoDateParam = (field = 'date'): PipeTransform<string, string> => ({
  transform: (value: string) => {
    const year = Number(value?.slice(0, 4));
    if (!isIsoDate(value) || year < CALENDAR_YEARS.min || year > CALENDAR_YEARS.max) {
      throw invalidParam(field, `${field} must be a real day written YYYY-MM-DD, from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}`);
    }
    return value;
  },
});

/** A four-digit year path parameter between 2000 and 2100; otherwise a 400 naming it. */
export const yearParam = (field = 'year'): PipeTransform<string, number> => ({
  transform: (value: string) => {
    const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
    if (!(year >= CALENDAR_YEARS.min && year <= CALENDAR_YEARS.max)) {
      throw invalidParam(field, `${field} must be a year from ${CALENDAR_YEARS.min} to ${CALENDAR_YEARS.max}`);
    }
    return year;
  },
});
