import { getSession } from '../auth/session';
import { currentLanguage } from '../i18n';
import { ApiError, type Schemas } from './client';

export type MemberImportReport = Schemas['MemberImportReportDto'];

const authHeaders = (): Record<string, string> => {
  const session = getSession();
  return { 'Accept-Language': currentLanguage(), ...(session ? { Authorization: `Bearer ${session.accessToken}` } : {}) };
};

const apiError = (status: number, body: unknown, fallback: string) => {
  const b = (body ?? {}) as { code?: string; message?: string; details?: unknown };
  return new ApiError(status, b.code ?? 'http', b.message ?? fallback, b.details);
};

/** The file name the API gave (`filename*` UTF-8 first), else `fallback`. */
function filenameOf(disposition: string | null, fallback: string): string {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i);
  if (star) return decodeURIComponent(star[1]);
  return disposition?.match(/filename="([^"]+)"/i)?.[1] ?? fallback;
}

/** Downloads a signed-in file (the template, an export): fetched with the token, saved under the API's name. */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const res = await fetch(path, { headers: authHeaders() });
  if (!res.ok) throw apiError(res.status, await res.json().catch(() => undefined), res.statusText);
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = filenameOf(res.headers.get('Content-Disposition'), fallbackName);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Uploads a members workbook with XMLHttpRequest, whose upload events report progress (fetch has none),
 * and resolves with the row report. `onProgress` gets 0–100 while the bytes go up.
 */
export function uploadMembers(unitId: string, file: File, onProgress: (percent: number) => void): Promise<MemberImportReport> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/units/${encodeURIComponent(unitId)}/members/import`);
    for (const [k, v] of Object.entries(authHeaders())) xhr.setRequestHeader(k, v);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.response as MemberImportReport);
      else reject(apiError(xhr.status, xhr.response, xhr.statusText));
    };
    xhr.onerror = () => reject(new TypeError('network'));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}
