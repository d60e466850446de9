import { useState } from 'react';
import { useApi } from '../../api/useApi';
import { ErrorBox, Empty, Loading } from '../../components/Feedback';
import { documentKinds, downloadDocument, uploadDocument, type SupplierDocument } from './suppliers';

/** A supplier's documents: the list with downloads, and (when `upload`) a form that uploads one with a progress bar. */
export function SupplierDocuments({ supplierId, upload, onUploaded }: { supplierId: string; upload: boolean; onUploaded?: () => void }) {
  const { data, error, loading, reload } = useApi<SupplierDocument[]>(`/api/suppliers/${supplierId}/documents`);
  const [kind, setKind] = useState('business_licence');
  const [file, setFile] = useState<File | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);

  const send = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setUploadError(null);
    setProgress(0);
    try {
      await uploadDocument(supplierId, kind, file, setProgress);
      setFile(null);
      (e.target as HTMLFormElement).reset();
      reload();
      onUploaded?.();
    } catch (err) {
      setUploadError(err);
    } finally {
      setProgress(null);
    }
  };

  return (
    <section className="card" aria-labelledby="documents-heading">
      <h2 id="documents-heading">Documents</h2>
      {loading && !data && <Loading what="documents" />}
      <ErrorBox error={error} title="Could not load the documents" />
      {data && data.length === 0 && <Empty>No documents yet.</Empty>}
      {data && data.length > 0 && (
        <ul data-testid="document-list">
          {data.map((d) => (
            <li key={d.id}>
              <button type="button" className="link-button" onClick={() => { setDownloadError(null); downloadDocument(d).catch(setDownloadError); }}>{d.name}</button>
              {' '}({documentKinds.find(([k]) => k === d.kind)?.[1] ?? d.kind}, {Math.ceil(d.size / 1024)} KB)
            </li>
          ))}
        </ul>
      )}
      <ErrorBox error={downloadError} title="The download failed" />
      {upload && (
        <form onSubmit={send} aria-label="Upload a document">
          <label>Kind <select value={kind} onChange={(e) => setKind(e.target.value)}>{documentKinds.map(([k, label]) => <option key={k} value={k}>{label}</option>)}</select></label>
          <label>File (PDF, PNG, JPEG or WebP, at most 10 MB) <input type="file" data-testid="document-file" accept="application/pdf,image/png,image/jpeg,image/webp" onChange={(e) => setFile(e.target.files?.[0] ?? null)} /></label>
          <button type="submit" disabled={!file || progress !== null}>Upload</button>
          {progress !== null && <progress max={1} value={progress} aria-label="Upload progress">{Math.round(progress * 100)}%</progress>}
        </form>
      )}
      <ErrorBox error={uploadError} title="The document was not accepted" />
    </section>
  );
}
