import { ReactFlowProvider, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { ChildInstancePanel } from '../components/ChildInstancePanel';
import { focusOn, ReadOnlyDiagram } from '../components/ReadOnlyDiagram';
import { api } from '../api/client';
import { useApi } from '../api/useApi';
import { useLiveEvents } from '../api/useLiveEvents';
import { DiagramContext } from '../components/DiagramContext';
import { ErrorBox, Loading, StatusBadge, Toasts, formatTime } from '../components/Feedback';
import { definitionToGraph } from '../model/graph';
import { pathTaken } from '../model/path';
import type { ActivityDescriptor, InstanceDetails, WorkflowDefinition, WorkflowDetails } from '../model/types';
import { CopyableId, DocumentNumbers } from '../components/InstanceIds';
import { Link } from '../router';
import { LiveBadge } from '../components/LiveBadge';

const finished = new Set(['Completed', 'Cancelled']);

interface DryRun { total: number; movable: number; instances: { instanceId: string; version: number; canMove: boolean; problems: { field: string; message: string }[] }[] }

/** The child an ExecuteWorkflow waits for (its bookmark's data names it). */
function childIdOf(data: unknown): string | null {
  const id = (data as { instanceId?: unknown } | null | undefined)?.instanceId;
  return typeof id === 'string' ? id : null;
}

/** One instance: its diagram coloured by the path taken, what it waits for, journal, variables, incidents and actions. */
export function InstanceView({ instanceId }: { instanceId: string }) {
  const instance = useApi<InstanceDetails>(`/api/instances/${instanceId}`);
  const activities = useApi<ActivityDescriptor[]>('/api/activities');
  const inst = instance.data;
  const definition = useApi<WorkflowDefinition>(inst ? `/api/workflows/${encodeURIComponent(inst.definitionId)}/versions/${inst.version}` : null);
  const workflow = useApi<WorkflowDetails>(inst ? `/api/workflows/${encodeURIComponent(inst.definitionId)}` : null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [message, setMessage] = useState('');
  const [target, setTarget] = useState('');
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  // A child workflow shown on this page (its diagram under the parent's).
  const [openChild, setOpenChild] = useState<string | null>(null);

  // Live: the instance's events stream in (SSE) while it can still change; a burst's entries come together, so one
  // reload per burst, not one per entry.
  const live = inst ? !finished.has(inst.status) : false;
  const { reload } = instance;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const liveState = useLiveEvents(live ? `/api/instances/${instanceId}/events` : null, () => {
    pending.current ??= setTimeout(() => { pending.current = null; reload(); }, 150);
  });
  useEffect(() => () => { if (pending.current) clearTimeout(pending.current); }, []);

  const graph = useMemo(() => (definition.data ? definitionToGraph(definition.data) : null), [definition.data]);
  const path = useMemo(() => (graph && inst ? pathTaken(inst.journal, inst.bookmarks, inst.incidents, graph.edges) : null), [graph, inst]);
  const edges: Edge[] = useMemo(() => (graph && path ? graph.edges.map((e) => ({
    ...e, type: 'smoothstep', animated: path.takenEdges.has(e.id), className: path.takenEdges.has(e.id) ? 'edge-taken' : 'edge-idle',
    data: { taken: path.takenEdges.has(e.id) },
  })) : []), [graph, path]);
  const diagram = useMemo(() => ({
    descriptors: new Map((activities.data ?? []).map((d) => [d.type, d])), errors: new Map(), runStates: path?.states ?? new Map(), readOnly: true,
  }), [activities.data, path]);

  const act = async (label: string, path: string, body?: unknown) => {
    setActionError(null);
    try {
      await api(path, { method: 'POST', body });
      setMessage(`${label}: done.`);
      setDryRun(null);
      instance.reload();
      workflow.reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const runDryRun = async () => {
    if (!inst || !target) return;
    setActionError(null);
    try {
      setDryRun(await api<DryRun>(`/api/workflows/${encodeURIComponent(inst.definitionId)}/migrations/dry-run`, { method: 'POST', body: { targetVersion: Number(target), fromVersion: inst.version } }));
    } catch (e) { setActionError(e); }
  };

  if (instance.error) return <div className="page"><ErrorBox error={instance.error} title="Could not load the instance" /><Link to="/instances">Back to instances</Link></div>;
  if (!inst) return <div className="page"><Loading what="the instance" /></div>;
  const mine = dryRun?.instances.find((i) => i.instanceId === inst.id);
  const canAct = !finished.has(inst.status) && inst.status !== 'Cancelled';

  return (
    <div className="page instance-page">
      <div className="page-header">
        <h1>Instance <StatusBadge status={inst.status} /></h1>
        <div className="actions">
          {live && <LiveBadge state={liveState} />}
          <button type="button" onClick={instance.reload}>Refresh</button>
          {inst.status === 'Faulted' && <button type="button" onClick={() => void act('Retry', `/api/instances/${inst.id}/retry`)}>Retry</button>}
          {canAct && <button type="button" className="danger" onClick={() => { if (window.confirm('Cancel this instance? It will never resume.')) void act('Cancel', `/api/instances/${inst.id}/cancel`, { reason: 'cancelled in the designer' }); }}>Cancel instance</button>}
        </div>
      </div>
      <p data-testid="instance-id"><CopyableId id={inst.id} what="instance id" /> <DocumentNumbers references={inst.references} /></p>
      <p className="muted" data-testid="instance-meta">
        <Link to={`/workflows/${encodeURIComponent(inst.definitionId)}`}>{inst.definitionId}</Link> v{inst.version}
        {inst.correlationId && <> · correlation <code>{inst.correlationId}</code></>} · started {formatTime(inst.createdAt)}
        {inst.finishedAt && <> · finished {formatTime(inst.finishedAt)}</>}
      </p>
      {inst.parent && (
        <p data-testid="instance-parent">
          Started as a child workflow by <Link to={`/instances/${inst.parent.instanceId}`}>instance {inst.parent.instanceId.slice(0, 8)}</Link>
          {inst.parent.activityId && <> (activity <code>{inst.parent.activityId}</code>)</>}
        </p>
      )}
      {inst.error && <div className="error-box" role="alert"><strong>The instance stopped with an error — see its incidents to retry, or cancel it</strong><p>{inst.error}</p></div>}
      <div className="instance-grid">
        <div className="canvas instance-canvas" aria-label="Diagram of the path taken" data-testid="instance-canvas">
          {definition.error !== null && <ErrorBox error={definition.error} title="Could not load the definition" />}
          {graph && (
            <ReactFlowProvider>
              <DiagramContext.Provider value={diagram}>
                <ReadOnlyDiagram key={`${definition.data?.definitionId}-${definition.data?.version}`} nodes={graph.nodes} edges={edges}
                  unplaced={definition.data!.root.activities.some((a) => !a.position)} focus={focusOn(path?.states)} />
              </DiagramContext.Provider>
            </ReactFlowProvider>
          )}
          {/* Over the diagram, not above it: a message never moves the canvas. */}
          <Toasts status={message ? { text: message, severity: 'success' } : null} onClose={() => setMessage('')} testId="instance-status">
            {actionError !== null && (
              <div className="toast toast-error">
                <ErrorBox error={actionError} />
                <button type="button" className="close" aria-label="Close the error" onClick={() => setActionError(null)}>✕</button>
              </div>
            )}
          </Toasts>
          <div className="legend" aria-label="Legend"><span className="run-badge run-executed">executed</span><span className="run-badge run-waiting">waiting</span><span className="run-badge run-faulted">faulted</span></div>
        </div>
        <div className="sidebar">
          <section className="panel" aria-label="Waiting for">
            <h2>Waiting for</h2>
            {inst.bookmarks.length === 0 && <p className="muted small">Nothing.</p>}
            <ul>
              {inst.bookmarks.map((b) => (
                <li key={b.id} data-testid={`waiting-${b.activityId}`}>
                  <strong>{b.activityId}</strong> — {b.name}{b.dueAt && <> due {formatTime(b.dueAt)}</>}
                  {b.name === 'HumanTask' && <> · <Link to={`/tasks?instanceId=${inst.id}`}>open task</Link></>}
                  {b.name === 'ChildWorkflow' && childIdOf(b.data) && <> · <Link to={`/instances/${childIdOf(b.data)}`}>the child instance</Link></>}
                </li>
              ))}
            </ul>
          </section>
          {(inst.children?.length ?? 0) > 0 && (
            <section className="panel" aria-label="Child workflows">
              <h2>Child workflows</h2>
              <ul>
                {inst.children!.map((c) => (
                  <li key={c.id} data-testid={`child-${c.id}`}>
                    <Link to={`/instances/${c.id}`}>{c.definitionId} v{c.version}</Link> <StatusBadge status={c.status} />
                    {c.activityId && <span className="muted small"> from <code>{c.activityId}</code></span>}{' '}
                    <button type="button" className="link-button" aria-expanded={openChild === c.id} onClick={() => setOpenChild((o) => (o === c.id ? null : c.id))}>
                      {openChild === c.id ? 'Hide' : 'Show'} <span className="sr-only">{c.definitionId} v{c.version} </span>here
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <section className="panel" aria-label="Incidents">
            <h2>Incidents</h2>
            {inst.incidents.length === 0 && <p className="muted small">None.</p>}
            {inst.incidents.map((i) => (
              <div key={i.id} className="incident">
                <div><strong>{i.activityId}</strong> {i.activityType && <span className="muted">({i.activityType})</span>} {i.attempt !== undefined && <>attempt {i.attempt}</>}</div>
                <div className="small">{i.error ?? i.message}</div>
                {!i.resolvedAt && (
                  <div className="actions">
                    <button type="button" onClick={() => void act('Incident retry', `/api/incidents/${i.id}/retry`)}>Retry</button>
                    <button type="button" className="danger" onClick={() => void act('Incident cancel', `/api/incidents/${i.id}/cancel`)}>Cancel</button>
                  </div>
                )}
              </div>
            ))}
          </section>
          <section className="panel" aria-label="Variables">
            <h2>Variables</h2>
            <pre className="code small" data-testid="instance-variables" tabIndex={0} aria-label="Variables as JSON">{JSON.stringify(inst.variables, null, 2)}</pre>
            {inst.input && Object.keys(inst.input).length > 0 && <><h3>Input</h3><pre className="code small" tabIndex={0} aria-label="Input as JSON">{JSON.stringify(inst.input, null, 2)}</pre></>}
          </section>
          {canAct && (
            <section className="panel" aria-label="Migrate">
              <h2>Migrate</h2>
              <div className="inline-form">
                <label>Target version
                  <select value={target} onChange={(e) => { setTarget(e.target.value); setDryRun(null); }}>
                    <option value="">choose…</option>
                    {(workflow.data?.versions ?? []).filter((v) => v.version !== inst.version).map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
                  </select>
                </label>
                <button type="button" disabled={!target} onClick={() => void runDryRun()}>Dry run</button>
                <button type="button" disabled={!target || !mine?.canMove} onClick={() => void act('Migrate', `/api/instances/${inst.id}/migrate`, { targetVersion: Number(target) })}>Migrate</button>
              </div>
              {dryRun && (
                <div className="small" data-testid="dry-run">
                  <p>{dryRun.movable} of {dryRun.total} instance(s) of v{inst.version} can move to v{target}.</p>
                  {mine && mine.canMove && <p className="status">This instance can move to v{target}.</p>}
                  {mine && !mine.canMove && (
                    <div className="error-box"><strong>This instance cannot move now</strong>
                      <ul>{mine.problems.map((p, i) => <li key={i}><code>{p.field}</code>: {p.message}</li>)}</ul>
                    </div>
                  )}
                </div>
              )}
            </section>
          )}
        </div>
      </div>
      {openChild && <ChildInstancePanel key={openChild} childId={openChild} descriptors={activities.data ?? []} onClose={() => setOpenChild(null)} />}
      <section className="panel" aria-label="Journal">
        <h2>Journal</h2>
        {inst.journal.length === 0 && <p className="muted small">No entries yet.</p>}
        <ol className="timeline">
          {inst.journal.map((j) => (
            <li key={j.sequence} className={`timeline-${j.event.toLowerCase()}`}>
              <span className="small muted">{formatTime(j.startedAt)}</span>{' '}
              <strong>{j.activityId || '(instance)'}</strong> <span className="muted">{j.activityType}</span> — {j.event}
              {j.ports && <> → <code>{Array.isArray(j.ports) ? j.ports.join(', ') : j.ports}</code></>}
              {j.error && <div className="field-error">{j.error}</div>}
              {j.output != null && <details><summary>output</summary><pre className="code small">{JSON.stringify(j.output, null, 2)}</pre></details>}
            </li>
          ))}
        </ol>
        {inst.journalHasMore && <p className="muted small">The journal goes on: the first 100 entries are shown.</p>}
      </section>
    </div>
  );
}
