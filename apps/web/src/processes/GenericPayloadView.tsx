import { Descriptions } from 'antd';
import type { PayloadViewProps } from './types';

/** Dot paths and their values: `person.name` → "Nguyễn Văn Hùng". */
function flatten(value: unknown, prefix = ''): [string, string][] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => flatten(v, `${prefix}[${i + 1}]`));
  if (typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
  return [[prefix, String(value)]];
}

/**
 * The payload of a case whose process this build has no module for (a process the API added after
 * the app was built): every field as it is, read-only. The registry's type makes this the exception:
 * every process in the API's document needs a module for the app to build.
 */
export function GenericPayloadView({ payload }: PayloadViewProps<unknown>) {
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      layout="vertical"
      className="payload"
      items={flatten(payload).map(([key, value]) => ({ key, label: key, children: <span className="pre-line">{value}</span> }))}
    />
  );
}
