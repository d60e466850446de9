import { useApi } from '../api/useApi';
import { ErrorBox, Loading } from './Feedback';

/** GET /api/suppliers/{id}/performance (src/Host/Endpoints/Performance/SupplierPerformanceDto.cs). */
export interface SupplierPerformance {
  supplierId: string;
  name: string;
  activeOrders: number;
  capacity: number;
  totalOrders: number;
  deliveredOrders: number;
  cancelledOrders: number;
  onTimeRate: number;
  onTimeEvents: number;
  timedEvents: number;
  rating: number;
  qcInspections: number;
  qcFailures: number;
  qcFailRate: number;
}

const percent = (v: number) => `${Math.round(v * 100)} %`;

/**
 * A supplier's performance loop: the counters its orders moved (assignment, QC, each stage, delivery, cancellation) and
 * the scores assignment ranks it by. Shown to ops and to the supplier itself (the API answers 404 to anyone else).
 */
export function SupplierPerformancePanel({ supplierId }: { supplierId: string }) {
  const { data, error, loading, reload } = useApi<SupplierPerformance>(`/api/suppliers/${encodeURIComponent(supplierId)}/performance`);
  return (
    <section className="card" aria-labelledby={`performance-${supplierId}`} data-testid="supplier-performance">
      <div className="page-header">
        <h2 id={`performance-${supplierId}`}>Performance{data ? ` of ${data.name}` : ''}</h2>
        <div className="actions"><button type="button" onClick={reload}>Refresh</button></div>
      </div>
      {loading && !data && <Loading what="the performance" />}
      <ErrorBox error={error} title="Could not load the performance" />
      {data && (
        <dl className="facts">
          <dt>Active orders</dt><dd data-testid="performance-active">{data.activeOrders} of a capacity of {data.capacity}</dd>
          <dt>Orders</dt><dd>{data.totalOrders} accepted · {data.deliveredOrders} delivered · {data.cancelledOrders} cancelled</dd>
          <dt>On time</dt><dd data-testid="performance-on-time">{percent(data.onTimeRate)} ({data.onTimeEvents} of {data.timedEvents} stages and deliveries by the promised date)</dd>
          <dt>Rating</dt><dd>{data.rating.toFixed(2)} of 5 from QC outcomes</dd>
          <dt>QC</dt><dd>{data.qcInspections === 0 ? 'no inspections yet' : `${data.qcFailures} of ${data.qcInspections} inspections failed (${percent(data.qcFailRate)})`}</dd>
        </dl>
      )}
    </section>
  );
}
