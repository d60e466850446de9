import { useState } from 'react';
import { api, getToken } from '../../api/client';
import { useApi } from '../../api/useApi';
import { ErrorBox, Loading } from '../../components/Feedback';
import { partyOfToken } from '../../model/roles';
import { SupplierDocuments } from './SupplierDocuments';
import { statusWords, type Supplier } from './suppliers';

/** The supplier's own onboarding: its status and ops' latest reason, its documents (upload with progress), and "submit for verification". */
export function SupplierOnboarding() {
  const supplierId = partyOfToken(getToken());
  const { data: s, error, loading, reload } = useApi<Supplier>(supplierId ? `/api/suppliers/${supplierId}` : null);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitted, setSubmitted] = useState(false);
  if (!supplierId) return <div className="page"><h1>Supplier onboarding</h1><p>This page is for supplier accounts.</p></div>;
  if (loading && !s) return <div className="page"><Loading what="your supplier profile" /></div>;
  if (!s) return <div className="page"><ErrorBox error={error} title="Could not load your supplier profile" /></div>;

  const submit = async () => {
    setSubmitError(null);
    try {
      await api(`/api/suppliers/${supplierId}/submit`, { method: 'POST' });
      setSubmitted(true);
      reload();
    } catch (err) {
      setSubmitError(err);
    }
  };
  return (
    <div className="page">
      <div className="page-header"><h1>{s.name}: onboarding</h1><span className={`badge status-${s.verificationStatus}`} data-testid="verification-status">{statusWords[s.verificationStatus]}</span></div>
      {s.verificationReason && <p>Our ops team: {s.verificationReason}</p>}
      {s.verificationStatus === 'pending' && <p>Upload your business licence and certificates, then submit them: our ops team checks them and e-mails you the outcome.</p>}
      <SupplierDocuments supplierId={supplierId} upload={s.verificationStatus !== 'rejected'} />
      {s.verificationStatus === 'pending' && (
        <section className="card">
          <button type="button" className="primary" onClick={() => void submit()}>Submit for verification</button>
          <ErrorBox error={submitError} title="Not submitted" />
          {submitted && <p role="status">Submitted: our ops team has your documents.</p>}
        </section>
      )}
    </div>
  );
}
