import { ApiError, getToken, type Problem } from '../../api/client';

/** A supplier as GET /api/suppliers/{id} answers. */
export interface Supplier {
  id: string;
  name: string;
  email: string;
  contactName: string | null;
  phone: string | null;
  country: string;
  categories: string[];
  certificates: { id: string; name: string; expiresOn: string | null; documentId: string | null; expired: boolean; reminderSentAt: string | null }[];
  certifications: string[];
  capacity: number;
  moq: number;
  maxOrderQuantity: number | null;
  leadTimeDays: number;
  verificationStatus: 'pending' | 'verified' | 'rejected' | 'suspended';
  verificationReason: string | null;
  onboardingInstanceId: string | null;
}

/** A stored document (GET /api/suppliers/{id}/documents). */
export interface SupplierDocument { id: string; kind: string; name: string; contentType: string; size: number; uploadedAt: string; url: string }

export const documentKinds: [string, string][] = [['business_licence', 'Business licence'], ['certificate', 'Certificate'], ['other_document', 'Other document']];

/** Uploads one file (multipart) with progress 0–1; rejects with the server's problem as an ApiError. */
export function uploadDocument(supplierId: string, kind: string, file: File, onProgress: (share: number) => void): Promise<SupplierDocument> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('kind', kind);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/suppliers/${supplierId}/documents`);
    const token = getToken();
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => { if (e.lengthComputable) onProgress(e.loaded / e.total); };
    xhr.onerror = () => reject(new ApiError(0, { title: 'Network error', detail: 'The upload did not reach the server.' }));
    xhr.onload = () => {
      let json: unknown = undefined;
      try { json = JSON.parse(xhr.responseText); } catch { json = undefined; }
      if (xhr.status >= 200 && xhr.status < 300) resolve(json as SupplierDocument);
      else reject(new ApiError(xhr.status, (json as Problem | undefined) ?? { detail: `HTTP ${xhr.status}` }));
    };
    xhr.send(form);
  });
}

/** Downloads a document with the caller's token and saves it under its name. */
export async function downloadDocument(doc: SupplierDocument): Promise<void> {
  const token = getToken();
  const response = await fetch(doc.url, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw new ApiError(response.status, { detail: `The download failed (HTTP ${response.status}).` });
  const url = URL.createObjectURL(await response.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = doc.name;
  a.click();
  URL.revokeObjectURL(url);
}

export const statusWords: Record<string, string> = { pending: 'Pending verification', verified: 'Verified', rejected: 'Rejected', suspended: 'Suspended' };
