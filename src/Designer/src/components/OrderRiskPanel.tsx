import { useApi } from '../api/useApi';
import { ErrorBox, Loading } from './Feedback';

/** GET /api/orders/{id}/risk (src/Marketplace/Quality/QualityRiskAssessment.cs). */
export interface QualityRisk {
  orderId: string;
  score: number;
  level: 'low' | 'medium' | 'high';
  supplierId: string | null;
  factors: { key: string; label: string; weight: number; value: number; points: number; explanation: string }[];
}

/**
 * An order's quality risk and why: each factor with its weight, value and share of the score, so nobody has to trust a
 * number they cannot check. Ops and the order's supplier see it; for anyone else the API answers 404 and nothing shows.
 */
export function OrderRiskPanel({ orderId }: { orderId: string }) {
  const { data, error, loading } = useApi<QualityRisk>(`/api/orders/${encodeURIComponent(orderId)}/risk`);
  if (!data && !loading && isNotFound(error)) return null;
  return (
    <section className="card" aria-labelledby={`risk-${orderId}`} data-testid="order-risk">
      <h2 id={`risk-${orderId}`}>Quality risk{data && <> <span className={`badge risk-${data.level}`} data-testid="risk-score">{data.score} / 100, {data.level}</span></>}</h2>
      {loading && !data && <Loading what="the quality risk" />}
      <ErrorBox error={error} title="Could not load the quality risk" />
      {data && (
        <table className="grid" aria-label="Quality risk factors">
          <thead><tr><th scope="col">Factor</th><th scope="col">Weight</th><th scope="col">Value</th><th scope="col">Points</th><th scope="col">Why</th></tr></thead>
          <tbody>
            {data.factors.map((f) => (
              <tr key={f.key} data-testid={`risk-factor-${f.key}`}>
                <td>{f.label}</td><td>{f.weight.toFixed(2)}</td><td>{f.value.toFixed(2)}</td><td>{f.points.toFixed(1)}</td><td>{f.explanation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && !data.supplierId && <p className="muted small">No supplier yet: its QC and lateness count as neutral until one accepts the order.</p>}
    </section>
  );
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'status' in error && (error as { status: unknown }).status === 404;
}
