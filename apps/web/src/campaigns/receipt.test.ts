import { afterEach, describe, expect, it, vi } from 'vitest';
import { setSession } from '../auth/session';
import { openReceipt, receiptPath } from './campaign-queries';

/** The receipt is fetched with the bearer token (a plain link cannot send it) and shown from a blob in a new tab. */
describe('openReceipt', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    setSession(null);
  });

  function stubTab() {
    const tab = { close: vi.fn(), location: { href: '' } };
    vi.spyOn(window, 'open').mockReturnValue(tab as unknown as Window);
    return tab;
  }

  it('sends the token and the language, and shows the PDF in the tab opened on the click', async () => {
    setSession({ accessToken: 'tok', user: { id: 'u', username: 'ngocthuy.ch1', displayName: 'Nguyễn Văn Thành', memberships: [] } });
    const tab = stubTab();
    const fetchMock = vi.fn(async () => new Response('%PDF-1.7', { status: 200, headers: { 'content-type': 'application/pdf' } }));
    vi.stubGlobal('fetch', fetchMock);
    URL.createObjectURL = vi.fn(() => 'blob:receipt');
    URL.revokeObjectURL = vi.fn();
    await openReceipt('c1', 'e1', 'vi');
    expect(fetchMock).toHaveBeenCalledWith(receiptPath('c1', 'e1'), { headers: { 'Accept-Language': 'vi', Authorization: 'Bearer tok' } });
    expect(receiptPath('c1', 'e1')).toBe('/api/campaigns/c1/contributions/e1/receipt.pdf');
    expect(tab.location.href).toBe('blob:receipt');
  });

  it("closes the tab again and says the API's refusal when there is no receipt", async () => {
    const tab = stubTab();
    vi.stubGlobal('fetch', vi.fn(async () => Response.json({ code: 'route.not_found', message: 'Không tìm thấy đường dẫn này.' }, { status: 404 })));
    await expect(openReceipt('c1', 'e1', 'vi')).rejects.toThrow('Không tìm thấy đường dẫn này.');
    expect(tab.close).toHaveBeenCalled();
  });
});
