/** An amount a user may enter: whole đồng, at least 1, exact in JSON (the API's RecordLedgerEntryDto and approve data). */
export const isPositiveVnd = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 1;
