import { useEffect, useState } from 'react';
import { api, isMissingApi } from '../api/client';
import { ErrorBox, Loading } from '../components/Feedback';
import { bucketByDay, statusOrder, type DayBucket } from '../model/stats';
import type { Incident, InstanceSummary, Page } from '../model/types';

const colors: Record<string, string> = { Running: '#2563eb', Suspended: '#d97706', Completed: '#16a34a', Faulted: '#dc2626', Cancelled: '#6b7280' };

interface Analytics { [key: string]: unknown }

/** Charts: instances by status over time, throughput, incidents, quote conversion (from /api/analytics when the server has it). */
export function Dashboard() {
  const [instances, setInstances] = useState<InstanceSummary[] | null>(null);
  const [incidents, setIncidents] = useState<Incident[] | null>(null);
  const [totalInstances, setTotalInstances] = useState(0);
  const [analytics, setAnalytics] = useState<Analytics | null | 'missing'>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api<Page<InstanceSummary>>('/api/instances?pageSize=200').then((p) => { setInstances(p.items); setTotalInstances(p.total); }, setError);
    api<Page<Incident>>('/api/incidents?includeResolved=true&pageSize=200').then((p) => setIncidents(p.items), setError);
    api<Analytics>('/api/analytics').then(setAnalytics, (e: unknown) => setAnalytics(isMissingApi(e) ? 'missing' : (setError(e), 'missing')));
  }, []);

  const days = instances ? bucketByDay(instances, 14) : [];
  const conversion = analytics && analytics !== 'missing' ? findConversion(analytics) : null;
  return (
    <div className="page">
      <div className="page-header"><h1>Dashboard</h1></div>
      <ErrorBox error={error} title="Some figures could not be loaded" />
      {!instances && !error && <Loading what="figures" />}
      {instances && (
        <div className="dashboard">
          <section className="card chart" aria-label="Instances by status over time">
            <h2>Instances started per day, by status</h2>
            <StackedBars days={days} />
            <p className="muted small">From the newest {instances.length} of {totalInstances} instance(s).</p>
          </section>
          <section className="card chart" aria-label="Throughput">
            <h2>Throughput: instances finished per day</h2>
            <Bars values={days.map((d) => ({ label: d.day.slice(5), value: d.finished }))} color="#16a34a" />
          </section>
          <section className="card chart" aria-label="Incidents">
            <h2>Incidents</h2>
            {incidents ? (
              <>
                <p className="big-number">{incidents.filter((i) => !i.resolvedAt).length} <span className="muted small">open</span> · {incidents.length} <span className="muted small">in all</span></p>
                <Bars values={bucketIncidents(incidents)} color="#dc2626" />
              </>
            ) : <Loading what="incidents" />}
          </section>
          <section className="card chart" aria-label="Quote conversion">
            <h2>Quote conversion</h2>
            {analytics === null && <Loading what="analytics" />}
            {analytics === 'missing' && <p className="muted">The analytics API (<code>GET /api/analytics</code>) is not on this server yet: quote conversion shows here once it is.</p>}
            {analytics && analytics !== 'missing' && (
              <>
                <p className="big-number" data-testid="conversion">{conversion !== null ? `${(conversion * 100).toFixed(1)}%` : '—'}</p>
                <p className="small">
                  {typeof analytics.quotes === 'number' && <>{analytics.quotes} quote(s) → {String(analytics.orders ?? 0)} order(s)</>}
                  {typeof analytics.from === 'string' && <> · {analytics.from} to {String(analytics.to)}</>}
                  {typeof analytics.averageLeadTimeDays === 'number' && <> · average lead time {analytics.averageLeadTimeDays} days</>}
                </p>
                {Array.isArray(analytics.quotesPerDay) && (
                  <>
                    <h3 className="small">Quotes per day</h3>
                    <Bars values={(analytics.quotesPerDay as { date: string; count: number }[]).slice(-14).map((d) => ({ label: d.date.slice(5), value: d.count }))} color="#9333ea" />
                  </>
                )}
              </>
            )}
          </section>
        </div>
      )}
    </div>
  );
}

function findConversion(a: Analytics): number | null {
  for (const [k, v] of Object.entries(a)) {
    if (/conversion/i.test(k)) {
      if (typeof v === 'number') return v > 1 ? v / 100 : v;
      if (v && typeof v === 'object') { const r = findConversion(v as Analytics); if (r !== null) return r; }
    }
  }
  return null;
}

function bucketIncidents(incidents: Incident[]): { label: string; value: number }[] {
  const days = bucketByDay(incidents.map((i) => ({ id: i.id, definitionId: '', version: 0, status: 'Faulted', createdAt: i.createdAt ?? '', updatedAt: '' })), 14);
  return days.map((d) => ({ label: d.day.slice(5), value: d.counts.Faulted ?? 0 }));
}

const W = 560; const H = 180; const PAD = 28;

function StackedBars({ days }: { days: DayBucket[] }) {
  const max = Math.max(1, ...days.map((d) => Object.values(d.counts).reduce((a, b) => a + b, 0)));
  const bw = (W - PAD * 2) / days.length;
  return (
    <figure>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Stacked bars of instances started per day by status">
        <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#cbd5e1" />
        <text x={4} y={PAD} fontSize="10" fill="#64748b">{max}</text>
        {days.map((d, i) => {
          let y = H - PAD;
          return (
            <g key={d.day}>
              {statusOrder.map((s) => {
                const n = d.counts[s] ?? 0;
                if (n === 0) return null;
                const h = (n / max) * (H - PAD * 2);
                y -= h;
                return <rect key={s} x={PAD + i * bw + 2} y={y} width={bw - 4} height={h} fill={colors[s]}><title>{`${d.day}: ${n} ${s}`}</title></rect>;
              })}
              {i % 2 === 0 && <text x={PAD + i * bw + bw / 2} y={H - 10} fontSize="9" textAnchor="middle" fill="#64748b">{d.day.slice(5)}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">{statusOrder.map((s) => <span key={s}><i style={{ background: colors[s] }} />{s}</span>)}</figcaption>
    </figure>
  );
}

function Bars({ values, color }: { values: { label: string; value: number }[]; color: string }) {
  const max = Math.max(1, ...values.map((v) => v.value));
  const bw = (W - PAD * 2) / Math.max(1, values.length);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Bars: ${values.map((v) => `${v.label} ${v.value}`).join(', ')}`}>
      <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} stroke="#cbd5e1" />
      <text x={4} y={PAD} fontSize="10" fill="#64748b">{max}</text>
      {values.map((v, i) => {
        const h = (v.value / max) * (H - PAD * 2);
        return (
          <g key={v.label}>
            <rect x={PAD + i * bw + 2} y={H - PAD - h} width={bw - 4} height={h} fill={color}><title>{`${v.label}: ${v.value}`}</title></rect>
            {i % 2 === 0 && <text x={PAD + i * bw + bw / 2} y={H - 10} fontSize="9" textAnchor="middle" fill="#64748b">{v.label}</text>}
          </g>
        );
      })}
    </svg>
  );
}
