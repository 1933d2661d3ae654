import { defineSearchAttributeKey } from '@temporalio/common';

/**
 * Custom search attributes of case workflows, so operators can filter in the Temporal UI
 * (`LienThongStatus = "pending" AND LienThongProcessType = "<process type>"`). The embedded dev
 * server is started with them; on a cluster the worker registers any that are missing at boot.
 */
export const SA_PROCESS_TYPE = defineSearchAttributeKey('LienThongProcessType', 'KEYWORD');
export const SA_STATUS = defineSearchAttributeKey('LienThongStatus', 'KEYWORD');
export const SA_ORIGIN_UNIT = defineSearchAttributeKey('LienThongOriginUnit', 'KEYWORD');

export const CASE_SEARCH_ATTRIBUTES = [SA_PROCESS_TYPE, SA_STATUS, SA_ORIGIN_UNIT];
