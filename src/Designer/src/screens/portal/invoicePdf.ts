import { ApiError, getToken } from '../../api/client';

/** Downloads GET /api/invoices/{id}/pdf with the sign-in token (a plain link could not send it) as "<number>.pdf". */
export async function downloadInvoicePdf(invoiceId: string, number: string): Promise<void> {
  const token = getToken();
  const response = await fetch(`/api/invoices/${encodeURIComponent(invoiceId)}/pdf`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, { title: response.status === 404 ? 'This invoice is not yours or no longer exists.' : `The server answered ${response.status}.` });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `${number}.pdf`;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
