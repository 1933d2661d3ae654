/** The task queue our worker polls unless `TEMPORAL_TASK_QUEUE` overrides it (tests isolate per file). */
export const DEFAULT_TASK_QUEUE = 'lienthong';
/** The namespace the embedded dev server creates and the apps use unless `TEMPORAL_NAMESPACE` overrides it. */
export const DEFAULT_NAMESPACE = 'lienthong';
