import { useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { convertElsa, isElsaExport } from '../api/elsa';
import { useApi } from '../api/useApi';
import { DataTable, type Column } from '../components/DataTable';
import { ErrorBox, Empty, Loading, formatTime } from '../components/Feedback';
import { downloadJson } from '../model/download';
import { definitionIdProblem } from '../model/messages';
import type { WorkflowDefinition, WorkflowSummary } from '../model/types';
import { Link, useRouter } from '../router';
import { preloadEditor } from './loaders';

/** Every definition: versions, draft, running instances; create and import. */
export function WorkflowList() {
  const { data, error, loading, reload } = useApi<WorkflowSummary[]>('/api/workflows');
  const { navigate } = useRouter();
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState('');
  const [newName, setNewName] = useState('');
  const [actionError, setActionError] = useState<unknown>(null);
  const [importNotes, setImportNotes] = useState<string[]>([]);
  const fileInput = useRef<HTMLInputElement>(null);
  const idProblem = definitionIdProblem(newId.trim());
  // Opening a workflow from here is the likely next step: its chunk (React Flow, the editor) is fetched while the list shows.
  useEffect(() => { const t = setTimeout(preloadEditor, 500); return () => clearTimeout(t); }, []);

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    setActionError(null);
    if (idProblem || newId.trim() === '') return;
    const definition: WorkflowDefinition = {
      definitionId: newId.trim(),
      version: 1,
      name: newName.trim() || newId.trim(),
      variables: [],
      inputs: [],
      root: { activities: [{ id: 'start', type: 'Start', position: { x: 0, y: 0 } }], connections: [] },
    };
    try {
      await api(`/api/workflows/${encodeURIComponent(definition.definitionId)}/draft`, { method: 'PUT', body: definition });
      navigate(`/workflows/${encodeURIComponent(definition.definitionId)}`);
    } catch (err) {
      setActionError(err);
    }
  };

  const importFile = async (file: File) => {
    setActionError(null);
    setImportNotes([]);
    try {
      const json: unknown = JSON.parse(await file.text());
      if (isElsaExport(json)) {
        // The server converts it (or answers one problem naming what cannot be); it becomes a draft to check and publish here.
        const result = await convertElsa(json);
        await api(`/api/workflows/${encodeURIComponent(result.definition.definitionId)}/draft`, { method: 'PUT', body: result.definition });
        setImportNotes(result.warnings);
        navigate(`/workflows/${encodeURIComponent(result.definition.definitionId)}`);
        return;
      }
      // Our own file: published under the version it carries.
      const imported = await api<{ definitionId: string }>('/api/workflows/import', { method: 'POST', body: json });
      reload();
      navigate(`/workflows/${encodeURIComponent(imported.definitionId)}`);
    } catch (err) {
      setActionError(err instanceof SyntaxError ? new Error(`The file is not JSON: ${err.message}`) : err);
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <h1>Workflows</h1>
        <div className="actions">
          <button type="button" onClick={() => setCreating((c) => !c)} aria-expanded={creating}>New workflow</button>
          <button type="button" onClick={() => fileInput.current?.click()}>Import file…</button>
          <input ref={fileInput} type="file" accept=".json,application/json" hidden aria-label="Workflow file to import (ours or Elsa 3 JSON)"
            data-testid="import-file"
            onChange={(e) => { const f = e.target.files?.[0]; if (f) void importFile(f); e.target.value = ''; }} />
        </div>
      </div>
      {creating && (
        <form className="card inline-form" onSubmit={create} aria-label="New workflow">
          <label>Definition id <input value={newId} onChange={(e) => setNewId(e.target.value)} placeholder="order-approval"
            aria-invalid={idProblem !== null} aria-describedby="new-id-hint" /></label>
          <label>Name <input value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="Order approval" /></label>
          <button type="submit" disabled={idProblem !== null || newId.trim() === ''}>Create draft</button>
          <p id="new-id-hint" className={idProblem ? 'field-error' : 'hint'} aria-live="polite" data-testid="new-id-hint">
            {idProblem ?? 'Lower-case letters, digits and dashes; it names the workflow in URLs and files.'}
          </p>
        </form>
      )}
      <ErrorBox error={actionError} />
      {importNotes.length > 0 && !actionError && <div className="note" role="status"><strong>Imported with notes:</strong><ul>{importNotes.map((n) => <li key={n}>{n}</li>)}</ul></div>}
      {loading && !data && <Loading what="workflows" />}
      <ErrorBox error={error} title="Could not load the workflows" />
      {data && data.length === 0 && <Empty>No workflows yet. Create one or import a definition file.</Empty>}
      {data && data.length > 0 && (
        <DataTable label="Workflows" rows={data} columns={workflowColumns} rowId={(w) => w.definitionId} rowName={(w) => w.name}
          searchPlaceholder="Search by name or id" initialSort={{ id: 'updated', desc: true }}
          bulkActions={(selected, clear) => <ExportSelected selected={selected} onDone={clear} />} />
      )}
    </div>
  );
}

const workflowColumns: Column<WorkflowSummary>[] = [
  { id: 'name', header: 'Name', value: (w) => w.name, cell: (w) => <><Link to={`/workflows/${encodeURIComponent(w.definitionId)}`}>{w.name}</Link>{w.description && <div className="muted small">{w.description}</div>}</> },
  { id: 'definitionId', header: 'Definition id', value: (w) => w.definitionId, cell: (w) => <code>{w.definitionId}</code> },
  { id: 'published', header: 'Published', value: (w) => w.latestVersion, cell: (w) => (w.latestVersion > 0 ? `v${w.latestVersion}` : <span className="muted">never</span>) },
  { id: 'draft', header: 'Draft', value: (w) => (w.hasDraft ? 'draft' : ''), cell: (w) => (w.hasDraft ? <span className="badge draft">draft</span> : <span className="muted">—</span>) },
  { id: 'running', header: 'Running', value: (w) => w.activeInstances, cell: (w) => (w.activeInstances > 0 ? <Link to={`/instances?definitionId=${encodeURIComponent(w.definitionId)}`}>{w.activeInstances}</Link> : 0) },
  { id: 'updated', header: 'Updated', value: (w) => w.updatedAt, cell: (w) => formatTime(w.updatedAt), className: 'small' },
  {
    id: 'actions', header: 'Actions', sortable: false, value: () => null, cell: (w) => (
      <>
        <Link to={`/workflows/${encodeURIComponent(w.definitionId)}`} ariaLabel={`Edit ${w.name}`}>Edit</Link>{' '}
        <Link to={`/instances?definitionId=${encodeURIComponent(w.definitionId)}`} ariaLabel={`Instances of ${w.name}`}>Instances</Link>
      </>
    ),
  },
];

/** Downloads the latest published version of each selected workflow (GET /api/workflows/{id}/export, one file each). */
function ExportSelected({ selected, onDone }: { selected: WorkflowSummary[]; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const publishedOnes = selected.filter((w) => w.latestVersion > 0);
  const run = async () => {
    setBusy(true);
    setError(null);
    try {
      for (const w of publishedOnes) {
        downloadJson(`${w.definitionId}-v${w.latestVersion}.json`, await api<unknown>(`/api/workflows/${encodeURIComponent(w.definitionId)}/export`));
      }
      const skipped = selected.length - publishedOnes.length;
      setNote(`Exported ${publishedOnes.length} ${publishedOnes.length === 1 ? 'workflow' : 'workflows'}${skipped ? `; ${skipped} never published, so there is nothing to export` : ''}.`);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" disabled={busy || publishedOnes.length === 0} onClick={() => void run()}>Export selected</button>
      {note && <span className="small" role="status">{note}</span>}
      <ErrorBox error={error} title="Could not export every selected workflow" />
    </>
  );
}
