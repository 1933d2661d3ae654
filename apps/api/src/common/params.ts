import { ParseUUIDPipe } from '@nestjs/common';
import { DomainError } from '@lienthong/domain';

/** A UUID path parameter; anything else is a 400 in our error shape naming the parameter. */
export const uuidParam = (field = 'id') =>
  new ParseUUIDPipe({
    exceptionFactory: () =>
      new DomainError('invalid', 'validation.failed', { fields: field }, [{ field, messages: [`${field} must be a UUID`] }]),
  });
