import { ValueTransformer } from 'typeorm';
import { vndFromDb } from '@lienthong/domain';

/**
 * bigint money columns: pg hands them over as strings (parseInt8 is off); the entity holds a JS number,
 * refused when it is not a safe integer, never a float.
 */
export const VND_TRANSFORMER: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | number | null) => vndFromDb(value),
};
