import { cleanText } from '@lienthong/domain';

/**
 * For antd rules' `transform`: a required text is judged as the API judges it (libs/domain), so text
 * blank to the eye (zero-width characters, NBSP…) is "required" here instead of a 400 or 422 later.
 */
export const visibleText = <T,>(value: T): T | string => (typeof value === 'string' ? cleanText(value) : value);
