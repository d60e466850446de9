import { useState } from 'react';
import { api } from '../api/client';
import { ErrorBox, StatusBadge } from './Feedback';
import { Link } from '../router';

interface Step { activityId: string; activityType: string; port: string }
interface ReplayResult {
  instanceId: string;
  status: string;
  correlationId: string | null;
  recordedPath: Step[];
  draftPath: Step[];
  firstDifference: { index: number; recorded: Step | null; draft: Step | null } | null;
  draftStopped: string | null;
}
interface ReplayReport { definitionId: string; fromVersion: number; replayed: number; diverged: number; results: ReplayResult[] }

const stepText = (s: Step | null) => (s ? `${s.activityId}${s.port ? ` → ${s.port}` : ''}` : 'ends here');

/**
 * Draft replay in the version diff (issue 16): saves the editor's draft, replays it in memory against recorded
 * instances of the compared version, and shows per instance whether the draft takes the same path or where it parts.
 */
export function DraftReplay({ definitionId, fromVersion, saveDraft }: { definitionId: string; fromVersion: number; saveDraft: () => Promise<boolean> }) {
  const [report, setReport] = useState<ReplayReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const replay = async () => {
    setBusy(true);
    setError(null);
    try {
      if (!(await saveDraft())) return;
      setReport(await api<ReplayReport>(`/api/workflows/${encodeURIComponent(definitionId)}/draft/replay`, { method: 'POST', body: { fromVersion } }));
    } catch (e) {
      setError(e);
      setReport(null);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="draft-replay" data-testid="draft-replay">
      <h3>Replay recorded instances</h3>
      <p className="muted small">Runs this draft in memory on the newest instances of v{fromVersion}, with their recorded inputs and outcomes. Nothing is written or called.</p>
      <button type="button" onClick={() => void replay()} disabled={busy}>{busy ? 'Replaying…' : `Replay v${fromVersion} instances`}</button>
      <ErrorBox error={error} title="The replay did not run" />
      {report && report.replayed === 0 && <p className="muted" role="status">Version {report.fromVersion} has no recorded instances to replay.</p>}
      {report && report.replayed > 0 && (
        <>
          <p role="status" data-testid="replay-summary">{report.diverged} of {report.replayed} instance(s) would take another path.</p>
          <ul className="replay-results">
            {report.results.map((r) => (
              <li key={r.instanceId} className={r.firstDifference ? 'diff-changed' : ''} data-testid="replay-result">
                <Link to={`/instances/${r.instanceId}`}>{r.correlationId ?? r.instanceId.slice(0, 8)}</Link> <StatusBadge status={r.status} />{' '}
                {r.firstDifference
                  ? <span>parts at step {r.firstDifference.index + 1}: v{report.fromVersion} {stepText(r.firstDifference.recorded)}, draft {stepText(r.firstDifference.draft)}</span>
                  : <span>same path ({r.draftPath.length} steps)</span>}
                <details>
                  <summary className="small">Paths</summary>
                  <p className="small code">v{report.fromVersion}: {r.recordedPath.map(stepText).join(' · ') || '—'}</p>
                  <p className="small code">draft: {r.draftPath.map(stepText).join(' · ') || '—'}</p>
                  {r.draftStopped && <p className="small muted">The draft's run stopped: {r.draftStopped}</p>}
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
