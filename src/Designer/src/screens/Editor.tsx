import {
  Background, ControlButton, Controls, MiniMap, ReactFlow, ReactFlowProvider, addEdge, useEdgesState, useNodesState, useReactFlow, useStore,
  type Connection, type Edge, type EdgeChange, type NodeChange,
} from '@xyflow/react';
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ApiError, api } from '../api/client';
import { convertElsa, isElsaExport } from '../api/elsa';
import { apiOnce, takePrefetched, useApi } from '../api/useApi';
import { latestVersionPath } from './loaders';
import { nodeTypes } from '../components/ActivityNodeView';
import { CategoryIconSprite } from '../components/CategoryIcon';
import { DETAIL_ZOOM, NodeDetail } from '../components/NodeDetail';
import { EdgeLayer, edgeLayerPath } from '../components/EdgeLayer';
import { DiagramContext, errorsByActivity, errorsFromProblem } from '../components/DiagramContext';
import { ErrorBox, Loading, Toasts, type Toast } from '../components/Feedback';
import { DiagramSearch } from '../components/DiagramSearch';
import { FitOnLoad, fittedViewport, MIN_ZOOM, useFit } from '../components/FitOnLoad';
import { preloadCodeEditor } from '../components/ExpressionField';
import { DRAG_TYPE, Palette } from '../components/Palette';
import { PropertiesPanel } from '../components/PropertiesPanel';
import { StartInstanceForm } from '../components/StartInstanceForm';
import { WorkflowInputsEditor } from '../components/WorkflowInputsEditor';
import { scopeOf, type CompletionScope } from '../model/completion';
import { readsLeftToRight } from '../model/direction';
import { applyGroups, GROUP_PREFIX, loadGroups, newGroup, saveGroups, type CollapsedGroup, type GroupNode } from '../model/groups';
import { GroupActions } from '../components/GroupNodeView';
import { VariablesPanel } from '../components/VariablesPanel';
import { diffDefinitions, isEmptyDiff, nothingToPublish, type VersionDiff } from '../model/diff';
import { downloadJson } from '../model/download';
import { definitionToGraph, edgeId, graphToDefinition, newActivityId, type ActivityNode, type DefinitionMeta } from '../model/graph';
import { History } from '../model/history';
import { clearLocalDraft, saveLocalDraft, unsavedLocalDraft, type LocalDraft } from '../model/localDrafts';
import { autoLayout } from '../model/elkWorker';
import { beginAction, useActionMarks } from '../model/actionMarks';
import { withGeometry } from '../model/nodeGeometry';
import { portsOf } from '../model/ports';
import type { ActivityDescriptor, ValidationError, VariableDefinition, WorkflowDefinition, WorkflowDetails } from '../model/types';
import { Link, useLeavePrompt, useRouter } from '../router';
// Draft replay in the version diff (issue 16).
import { DraftReplay } from '../components/DraftReplay';

/** Loads a definition (its draft, else its latest published version) and the palette, then shows the editor. */
export function Editor({ definitionId }: { definitionId: string }) {
  const activities = useApi<ActivityDescriptor[]>('/api/activities');
  const details = useApi<WorkflowDetails>(`/api/workflows/${encodeURIComponent(definitionId)}`);
  const [initial, setInitial] = useState<WorkflowDefinition | null>(null);
  // The latest published version when it was fetched to open (no draft): the canvas compares with it without asking again.
  const [latest, setLatest] = useState<{ version: number; definition: WorkflowDefinition } | null>(null);
  const [restored, setRestored] = useState<LocalDraft | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);

  useEffect(() => {
    if (!details.data || initial) return;
    const d = details.data;
    // What the server holds; an unsaved edit kept in this browser (a lost session, a closed tab) wins, and says so.
    const open = (server: WorkflowDefinition) => {
      const local = unsavedLocalDraft(definitionId, server);
      setRestored(local);
      setInitial(local ? local.definition : server);
    };
    if (d.draft) { open(d.draft); return; }
    if (d.latestVersion > 0) {
      // The latest version asked beside the workflow (loaders.ts), when it is that version; else (published meanwhile,
      // not prefetched) asked now.
      const early = takePrefetched<WorkflowDefinition>(latestVersionPath(definitionId))?.catch(() => null) ?? Promise.resolve(null);
      void early
        .then((v) => (v && v.version === d.latestVersion ? v : apiOnce<WorkflowDefinition>(`/api/workflows/${encodeURIComponent(definitionId)}/versions/${d.latestVersion}`)))
        .then((v) => { setLatest({ version: d.latestVersion, definition: v }); open(v); }, setLoadError);
    } else {
      open({ definitionId, version: 1, name: d.name, variables: [], inputs: [], root: { activities: [], connections: [] } });
    }
  }, [details.data, definitionId, initial]);

  const descriptorMap = useMemo(() => new Map((activities.data ?? []).map((d) => [d.type, d])), [activities.data]);
  // The diagram's nodes, each with its size and handles (model/nodeGeometry.ts): React Flow draws them in one pass,
  // measuring nothing. Given to React Flow's store when it is made, so its first render draws them (else it renders
  // an empty diagram, paints it, and draws the nodes in a second pass).
  const start = useMemo(() => (initial ? startGraph(initial, descriptorMap) : null), [initial, descriptorMap]);

  const error = activities.error ?? details.error ?? loadError;
  if (error) return <div className="page"><ErrorBox error={error} title={`Could not open workflow '${definitionId}'`} /><Link to="/">Back to workflows</Link></div>;
  if (!activities.data || !details.data || !initial || !start) return <div className="page"><Loading what="the workflow" /></div>;
  return (
    <ReactFlowProvider initialNodes={start.nodes} initialEdges={NO_EDGES}>
      <EditorCanvas key={restored ? 'restored' : 'server'} definitionId={definitionId} initial={initial} start={start} latest={latest} restored={restored} details={details.data} descriptors={activities.data} descriptorMap={descriptorMap} reloadDetails={details.reload}
        onDiscardLocal={() => { clearLocalDraft(definitionId); setRestored(null); setInitial(null); details.reload(); }} />
    </ReactFlowProvider>
  );
}

interface Snapshot { nodes: ActivityNode[]; edges: Edge[]; meta: DefinitionMeta }

/** The definition as the diagram's graph, each node with its size and handles. */
function startGraph(definition: WorkflowDefinition, descriptors: Map<string, ActivityDescriptor>): Snapshot {
  const g = definitionToGraph(definition);
  return { ...g, nodes: g.nodes.map((n) => withGeometry(n, descriptors.get(n.data.activity.type))) };
}

/** Room above the diagram for the search box, so a fit never puts a node under it. */
const SEARCH_ROOM = 56;

// React Flow's props that never change, made once: a new object or array per render is a change to React Flow, which
// then updates its store, and every one of the 200 nodes' and edges' subscriptions runs again.
const DELETE_KEYS = ['Delete', 'Backspace'];
const DEFAULT_EDGE_OPTIONS = { type: 'smoothstep' };
const PRO_OPTIONS = { hideAttribution: true };
const NO_EDGES: Edge[] = [];

/**
 * The same array as last time while no node's id, activity or position has changed: a selection or a node's measured
 * size makes new node objects but changes nothing the definition holds, so nothing derived from it is computed again.
 */
function useContentOf<T>(items: T[], same: (a: T, b: T) => boolean): T[] {
  const last = useRef(items);
  const prev = last.current;
  if (prev !== items && (prev.length !== items.length || items.some((item, i) => !same(item, prev[i])))) last.current = items;
  return last.current;
}
const sameNode = (a: ActivityNode, b: ActivityNode) => a.id === b.id && a.data === b.data && a.position === b.position;
const sameEdge = (a: Edge, b: Edge) => a.id === b.id && a.source === b.source && a.target === b.target && a.sourceHandle === b.sourceHandle && a.targetHandle === b.targetHandle;

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

function EditorCanvas({ definitionId, initial, start, latest, restored, details, descriptors, descriptorMap, reloadDetails, onDiscardLocal }: {
  definitionId: string; initial: WorkflowDefinition; start: Snapshot; latest: { version: number; definition: WorkflowDefinition } | null; restored: LocalDraft | null; details: WorkflowDetails;
  descriptors: ActivityDescriptor[]; descriptorMap: Map<string, ActivityDescriptor>; reloadDetails: () => void; onDiscardLocal: () => void;
}) {
  // Each node with its size and handles (model/nodeGeometry.ts): React Flow draws them in one pass, measuring nothing.
  const sized = useCallback((ns: ActivityNode[]) => ns.map((n) => withGeometry(n, descriptorMap.get(n.data.activity.type))), [descriptorMap]);
  const [nodes, setNodes, onNodesChangeBase] = useNodesState<ActivityNode>(start.nodes);
  const [edges, setEdges, onEdgesChangeBase] = useEdgesState<Edge>(start.edges);
  const [meta, setMeta] = useState<DefinitionMeta>(start.meta);
  const [errors, setErrors] = useState<ValidationError[]>(details.draftErrors ?? []);
  const [status, setStatusToast] = useState<Toast | null>(restored ? { text: `Restored your unsaved edit from ${new Date(restored.savedAt).toLocaleString()}: save the draft to keep it, or discard it.`, severity: 'warning' } : null);
  const setStatus = useCallback((text: string, severity: Toast['severity'] = 'info') => setStatusToast(text ? { text, severity } : null), []);
  const [actionError, setActionError] = useState<unknown>(null);
  const [dirty, setDirty] = useState(restored !== null);
  const [published, setPublished] = useState<WorkflowDefinition | null>(null);
  const [, setTick] = useState(0);
  const [diff, setDiff] = useState<{ label: string; diff: VersionDiff; version: number } | null>(null);
  const [starting, setStarting] = useState(false);
  const history = useRef(new History<Snapshot>());
  const clipboard = useRef<{ nodes: ActivityNode[]; edges: Edge[] } | null>(null);
  const importInput = useRef<HTMLInputElement>(null);
  const canvasRef = useRef<HTMLDivElement>(null);
  const { screenToFlowPosition } = useReactFlow();
  const fit = useFit(true, SEARCH_ROOM);
  // The canvas's size, read before the diagram is first rendered: React Flow then draws the nodes fitted at once
  // (defaultViewport), in its first render, instead of drawing them at 100 %, painting that, and fitting a frame later.
  // Read as React Flow reads it (offsetWidth/offsetHeight), so its own fit would give the same view.
  const [canvasSize, setCanvasSize] = useState<{ width: number; height: number } | null>(null);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    setCanvasSize({ width: canvas?.offsetWidth ?? 0, height: canvas?.offsetHeight ?? 0 });
  }, []);
  const defaultViewport = useMemo(() => (canvasSize ? fittedViewport(start.nodes, canvasSize, true, SEARCH_ROOM) : undefined), [canvasSize, start]);
  // Bumped after a layout or an import: FitOnLoad fits the diagram again once its nodes are measured.
  const [fitKey, setFitKey] = useState(0);
  const [layingOut, setLayingOut] = useState(false);
  const [fitted, setFitted] = useState(false);
  const { navigate } = useRouter();

  // Each editor action's time from its input event to the painted frame (performance measures sleek:action:*).
  useActionMarks();
  const current = useRef<Snapshot>({ nodes, edges, meta });
  current.current = { nodes, edges, meta };

  const contentNodes = useContentOf(nodes, sameNode);
  const contentEdges = useContentOf(edges, sameEdge);
  const definition = useMemo(() => {
    const def = graphToDefinition({ meta, nodes: contentNodes, edges: contentEdges });
    def.definitionId = definitionId;
    def.version = details.latestVersion + 1;
    return def;
  }, [meta, contentNodes, contentEdges, definitionId, details.latestVersion]);
  // What only informs (Publish's state, validation, completions) follows the definition one render late, so a drag or
  // a keystroke paints first and the comparisons of all 200 activities run after it, in a render React may interrupt.
  const settled = useDeferredValue(definition);
  // The latest published version, to tell whether Publish would change anything.
  useEffect(() => {
    if (details.latestVersion === 0) { setPublished(null); return; }
    if (latest && latest.version === details.latestVersion) { setPublished(latest.definition); return; }
    let cancelled = false;
    api<WorkflowDefinition>(`/api/workflows/${encodeURIComponent(definitionId)}/versions/${details.latestVersion}`)
      .then((d) => { if (!cancelled) setPublished(d); }, () => { /* Publish stays enabled; the server decides */ });
    return () => { cancelled = true; };
  }, [definitionId, details.latestVersion, latest]);
  // Deferred too: set in an effect on open, it would compare all 200 activities before the diagram's first fit.
  const publishedLate = useDeferredValue(published);
  const unchanged = useMemo(() => publishedLate !== null && nothingToPublish(publishedLate, settled), [publishedLate, settled]);

  // Unsaved edits are kept in this browser until the server has them (an expired session, a closed tab).
  const latestDefinition = useRef(definition);
  latestDefinition.current = definition;
  useEffect(() => {
    if (!dirty) return;
    const timer = setTimeout(() => saveLocalDraft(definitionId, latestDefinition.current), 300);
    return () => clearTimeout(timer);
  }, [definition, dirty, definitionId]);
  // And at once when the editor goes away (another screen, the tab closing): the timer above may not have run yet.
  const dirtyNow = useRef(dirty);
  dirtyNow.current = dirty;
  useEffect(() => {
    const flush = () => { if (dirtyNow.current) saveLocalDraft(definitionId, latestDefinition.current); };
    window.addEventListener('pagehide', flush);
    return () => { window.removeEventListener('pagehide', flush); flush(); };
  }, [definitionId]);
  useLeavePrompt(dirty ? 'This workflow has unsaved changes. Leave without saving them?' : null);

  // Positions and selection do not change what validation says.
  const semanticKey = useMemo(() => JSON.stringify({ ...settled, root: { ...settled.root, activities: settled.root.activities.map(({ position: _p, ...a }) => a) } }), [settled]);

  const record = useCallback((key?: string) => {
    history.current.record(current.current, key);
    setDirty(true);
    setTick((t) => t + 1);
  }, []);

  const restore = (s: Snapshot | undefined) => {
    if (!s) return;
    setNodes(s.nodes);
    setEdges(s.edges);
    setMeta(s.meta);
    setDirty(true);
    setTick((t) => t + 1);
  };
  const undo = () => { beginAction('undo'); restore(history.current.undo(current.current)); };
  const redo = () => { beginAction('redo'); restore(history.current.redo(current.current)); };

  // Checked as you type: the server's validator, without saving.
  useEffect(() => {
    const timer = setTimeout(() => {
      api<{ valid: boolean; errors: ValidationError[] }>('/api/workflows/validate', { method: 'POST', body: semanticKey })
        .then((r) => setErrors(r.errors))
        .catch(() => { /* the next save shows the problem */ });
    }, 600);
    return () => clearTimeout(timer);
  }, [semanticKey]);

  // Collapsed groups: a view of the diagram kept in this browser; the definition never holds them.
  const [groups, setGroups] = useState<CollapsedGroup[]>(() => loadGroups(definitionId));
  useEffect(() => saveGroups(definitionId, groups), [definitionId, groups]);
  const shown = useMemo(() => applyGroups(nodes, edges, groups), [nodes, edges, groups]);
  const groupActions = useMemo(() => ({ expand: (id: string) => setGroups((gs) => gs.filter((g) => g.id !== id)) }), []);
  // Zoomed out (and before the first fit), the connections are one SVG path under the nodes (components/EdgeLayer.tsx)
  // and React Flow holds no edges; zoomed in, they are React Flow's edges again: each selectable, focusable and named.
  // (Not before the first fit: the zoom it sets would render the editor again for nothing.)
  const detailed = useStore(useCallback((s: { transform: [number, number, number] }) => fitted && s.transform[2] >= DETAIL_ZOOM, [fitted]));
  const edgeLayer = useMemo(() => (detailed ? null : edgeLayerPath(shown.nodes, shown.edges)), [detailed, shown]);

  const onNodesChange = useCallback((all: NodeChange<ActivityNode | GroupNode>[]) => {
    // A group's box only moves; everything else about it is derived from its members.
    const moved = all.filter((c) => c.type === 'position' && c.id.startsWith(GROUP_PREFIX) && c.position);
    if (moved.length > 0) {
      setGroups((gs) => gs.map((g) => {
        const c = moved.find((m) => m.type === 'position' && m.id === GROUP_PREFIX + g.id);
        return c && c.type === 'position' && c.position ? { ...g, position: c.position } : g;
      }));
    }
    const changes = all.filter((c) => !('id' in c) || !c.id.startsWith(GROUP_PREFIX)) as NodeChange<ActivityNode>[];
    if (changes.some((c) => c.type === 'remove')) beginAction('delete');
    else if (changes.some((c) => c.type === 'position' && c.dragging)) beginAction('move');
    else if (changes.some((c) => c.type === 'select' && c.selected)) beginAction('select');
    const removed = new Set(changes.flatMap((c) => (c.type === 'remove' ? [c.id] : [])));
    if (removed.size > 0) {
      record();
      // React Flow removes a deleted node's edges itself only when it holds them (not while the edge layer draws them).
      setEdges((es) => (es.some((e) => removed.has(e.source) || removed.has(e.target)) ? es.filter((e) => !removed.has(e.source) && !removed.has(e.target)) : es));
    }
    onNodesChangeBase(changes);
  }, [onNodesChangeBase, record, setEdges]);
  const onEdgesChange = useCallback((changes: EdgeChange<Edge>[]) => {
    if (changes.some((c) => c.type === 'remove')) { beginAction('delete'); record(); }
    onEdgesChangeBase(changes);
  }, [onEdgesChangeBase, record]);
  const onNodeDragStart = useCallback(() => record(), [record]);
  // Once the diagram shows, the expression editor's chunk (CodeMirror) loads in the background: the first selected
  // activity's properties then show without waiting for it.
  const onFitted = useCallback(() => { setFitted(true); preloadCodeEditor(); }, []);
  const onConnect = useCallback((c: Connection) => {
    beginAction('connect');
    record();
    const id = edgeId({ source: { activity: c.source, port: c.sourceHandle ?? 'Done' }, target: { activity: c.target } });
    setEdges((eds) => (eds.some((e) => e.id === id) ? eds : addEdge({ ...c, id }, eds)));
  }, [record, setEdges]);

  const addActivity = useCallback((type: string, position?: { x: number; y: number }) => {
    beginAction('add');
    record();
    const taken = current.current.nodes.map((n) => n.id);
    const id = newActivityId(type, taken);
    const at = position ?? (() => {
      // Added from the keyboard: near the middle of what the canvas shows (clear of the minimap), a little apart from the last one.
      const box = canvasRef.current?.getBoundingClientRect();
      const centre = box ? screenToFlowPosition({ x: box.left + box.width * 0.45, y: box.top + box.height * 0.4 }) : { x: 0, y: 0 };
      const step = current.current.nodes.length % 5;
      return { x: Math.round(centre.x - 100 + step * 30), y: Math.round(centre.y - 40 + step * 30) };
    })();
    const node = withGeometry({ id, type: 'activity', position: at, selected: true, data: { activity: { id, type } } }, descriptorMap.get(type));
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), node]);
    setStatus(`Added ${type} '${id}'.`);
  }, [record, setNodes, screenToFlowPosition, descriptorMap]);

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    const type = e.dataTransfer.getData(DRAG_TYPE);
    if (!type) return;
    const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
    addActivity(type, { x: p.x - 100, y: p.y - 30 });
  };

  const selected = nodes.filter((n) => n.selected);
  const groupSelected = () => {
    if (selected.length < 2) return;
    const g = newGroup(selected, groups);
    setGroups([...groups, g]);
    setNodes((ns) => ns.map((n) => (n.selected ? { ...n, selected: false } : n)));
    setStatus(`Grouped ${selected.length} activities as '${g.name}'. Expand the group to edit them.`);
  };
  const selectedNode = selected.length === 1 ? selected[0] : null;

  const updateActivity = (id: string, key: string, change: (a: ActivityNode['data']['activity']) => ActivityNode['data']['activity']) => {
    beginAction('edit');
    record(`${id}:${key}`);
    // Its ports may have changed (outcomes, cases, branches): its size and handles follow.
    setNodes((ns) => ns.map((n) => (n.id === id ? withGeometry({ ...n, data: { ...n.data, activity: change(n.data.activity) } }, descriptorMap.get(n.data.activity.type)) : n)));
  };
  const setInput = (name: string, value: unknown) => {
    if (!selectedNode) return;
    updateActivity(selectedNode.id, `input.${name}`, (a) => {
      const inputs = { ...(a.inputs ?? {}) };
      if (value === undefined) delete inputs[name];
      else inputs[name] = value;
      return { ...a, inputs };
    });
  };
  const rename = (name: string) => {
    if (!selectedNode) return;
    updateActivity(selectedNode.id, 'name', (a) => {
      const { name: _old, ...rest } = a;
      void _old;
      return name === '' ? rest : { ...rest, name };
    });
  };

  const copy = () => {
    const chosen = current.current.nodes.filter((n) => n.selected);
    if (chosen.length === 0) return;
    const ids = new Set(chosen.map((n) => n.id));
    clipboard.current = { nodes: structuredClone(chosen), edges: current.current.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
    setStatus(`Copied ${chosen.length} activit${chosen.length === 1 ? 'y' : 'ies'}.`);
  };
  const paste = () => {
    const clip = clipboard.current;
    if (!clip) return;
    record();
    const taken = current.current.nodes.map((n) => n.id);
    const renamed = new Map<string, string>();
    const pasted = clip.nodes.map((n) => {
      const id = newActivityId(n.data.activity.type, [...taken, ...renamed.values()]);
      renamed.set(n.id, id);
      return { ...n, id, selected: true, position: { x: n.position.x + 40, y: n.position.y + 40 }, data: { ...n.data, activity: { ...n.data.activity, id } } };
    });
    const pastedEdges = clip.edges.map((e) => {
      const source = renamed.get(e.source)!;
      const target = renamed.get(e.target)!;
      return { ...e, source, target, id: edgeId({ source: { activity: source, port: e.sourceHandle ?? 'Done' }, target: { activity: target } }) };
    });
    setNodes((ns) => [...ns.map((n) => ({ ...n, selected: false })), ...pasted]);
    setEdges((es) => [...es, ...pastedEdges]);
    clipboard.current = { nodes: pasted, edges: pastedEdges };
    setStatus(`Pasted ${pasted.length} activit${pasted.length === 1 ? 'y' : 'ies'}.`);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (isTyping(e.target)) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z' && !e.shiftKey) { e.preventDefault(); undo(); }
    else if (mod && (e.key.toLowerCase() === 'y' || (e.key.toLowerCase() === 'z' && e.shiftKey))) { e.preventDefault(); redo(); }
    else if (mod && e.key.toLowerCase() === 'c') { copy(); }
    else if (mod && e.key.toLowerCase() === 'v') { e.preventDefault(); paste(); }
  };

  const keyHandler = useRef(onKeyDown);
  keyHandler.current = onKeyDown;
  useEffect(() => {
    const listener = (e: KeyboardEvent) => keyHandler.current(e);
    document.addEventListener('keydown', listener);
    return () => document.removeEventListener('keydown', listener);
  }, []);

  // Layered, top to bottom, long chains wrapped to the canvas's shape (elkjs in a web worker, loaded on first use).
  const runLayout = useCallback(async () => {
    const box = canvasRef.current?.getBoundingClientRect();
    const ports = (n: ActivityNode) => portsOf(n.data.activity, descriptorMap.get(n.data.activity.type));
    setLayingOut(true);
    try {
      const laid = await autoLayout(current.current.nodes, current.current.edges, { ports, aspectRatio: box && box.height > 0 ? box.width / box.height : 1.6 });
      const at = new Map(laid.map((n) => [n.id, n.position]));
      setNodes((ns) => ns.map((n) => (at.has(n.id) ? { ...n, position: at.get(n.id)! } : n)));
      setFitKey((k) => k + 1);
    } catch (e) {
      setActionError(e);
    } finally {
      setLayingOut(false);
    }
  }, [descriptorMap, setNodes]);
  const layout = () => {
    record();
    void runLayout();
  };
  // A workflow whose activities have no positions (written by hand, generated), or stored left to right by an older
  // designer, is laid out on open. The new positions are not an edit: the editor stays "saved" until something changes.
  const unplaced = useRef(initial.root.activities.some((a) => !a.position) || readsLeftToRight(initial));
  useEffect(() => {
    if (!unplaced.current) return;
    unplaced.current = false;
    void runLayout();
  }, [runLayout]);

  const saveDraft = async (): Promise<boolean> => {
    setActionError(null);
    // Kept locally first: if the session has ended, the sign-in brings this very edit back.
    if (dirty) saveLocalDraft(definitionId, definition);
    try {
      const r = await api<{ valid: boolean; errors: ValidationError[] }>(`/api/workflows/${encodeURIComponent(definitionId)}/draft`, { method: 'PUT', body: definition });
      setErrors(r.errors);
      setDirty(false);
      clearLocalDraft(definitionId);
      setStatus(r.valid ? 'Draft saved; it can be published.' : `Draft saved with ${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'} to fix before publishing.`, r.valid ? 'success' : 'warning');
      reloadDetails();
      return true;
    } catch (e) {
      setActionError(e);
      if (e instanceof ApiError && e.problem.errors) setErrors(errorsFromProblem(e.problem.errors, definition.root.activities.map((a) => a.id)));
      return false;
    }
  };

  const publish = async () => {
    if (!(await saveDraft())) return;
    try {
      const r = await api<{ definitionId: string; version: number }>(`/api/workflows/${encodeURIComponent(definitionId)}/publish`, { method: 'POST' });
      setStatus(`Published version ${r.version}.`, 'success');
      reloadDetails();
    } catch (e) {
      setActionError(e);
      if (e instanceof ApiError && e.problem.errors) setErrors(errorsFromProblem(e.problem.errors, definition.root.activities.map((a) => a.id)));
    }
  };

  const compareWith = async (version: string) => {
    setDiff(null);
    if (version === '') return;
    try {
      const older = await api<WorkflowDefinition>(`/api/workflows/${encodeURIComponent(definitionId)}/versions/${version}`);
      setDiff({ label: `v${version} → this editor`, diff: diffDefinitions(older, definition), version: Number(version) });
    } catch (e) {
      setActionError(e);
    }
  };

  const importIntoEditor = async (file: File) => {
    setActionError(null);
    try {
      let json: unknown = JSON.parse(await file.text());
      if (isElsaExport(json)) {
        const r = await convertElsa(json);
        json = r.definition;
        if (r.warnings.length) setStatus(`Imported from Elsa with notes: ${r.warnings.join('; ')}`);
      }
      const def = json as WorkflowDefinition;
      if (!def.root || !Array.isArray(def.root.activities)) throw new Error('The file is not a workflow definition: it has no root.activities.');
      record();
      const g = definitionToGraph({ ...def, definitionId });
      setNodes(sized(g.nodes));
      setEdges(g.edges);
      setMeta({ ...g.meta, definitionId });
      if (def.root.activities.some((a) => !a.position)) void runLayout(); else setFitKey((k) => k + 1);
    } catch (e) {
      setActionError(e instanceof SyntaxError ? new Error(`The file is not JSON: ${e.message}`) : e);
    }
  };

  const diagram = useMemo(() => ({ descriptors: descriptorMap, errors: errorsByActivity(errors), runStates: new Map(), readOnly: false }), [descriptorMap, errors]);
  const variableNames = useMemo(() => (meta.variables ?? []).map((v) => v.name), [meta.variables]);
  const selectedId = selectedNode?.id ?? null;
  // The properties panel is memoized: it gets the selected node again only when its activity changes (not on a move),
  // its errors when they change, and callbacks that stay the same while calling the latest rename and setInput.
  const selectedData = selectedNode?.data;
  const panelNode = useMemo(() => selectedNode, [selectedId, selectedData]);
  const panelErrors = useMemo(() => (selectedId ? errors.filter((e) => e.activityId === selectedId) : []), [errors, selectedId]);
  const latestEdits = useRef({ rename, setInput });
  latestEdits.current = { rename, setInput };
  const onRename = useCallback((name: string) => latestEdits.current.rename(name), []);
  const onInput = useCallback((name: string, value: unknown) => latestEdits.current.setInput(name, value), []);
  const scope = useMemo<CompletionScope>(() => (selectedId ? scopeOf(settled, selectedId) : { variables: [], inputs: [], outputs: [] }), [settled, selectedId]);
  const workflowErrors = errors.filter((e) => !e.activityId);

  return (
    <div className="editor">
      <div className="toolbar" role="toolbar" aria-label="Editor actions">
        <Link to="/" ariaLabel="Back to workflows">←</Link>
        <input className="title-input" aria-label="Workflow name" value={meta.name} onChange={(e) => { record('meta.name'); setMeta({ ...meta, name: e.target.value }); }} />
        <code className="muted">{definitionId}</code>
        <span className="muted small" data-testid="editor-state">{details.latestVersion > 0 ? `published v${details.latestVersion}` : 'never published'}{dirty ? ' · unsaved changes' : ''}</span>
        <span className="spacer" />
        <button type="button" onClick={undo} disabled={!history.current.canUndo} aria-label="Undo (Ctrl+Z)">Undo</button>
        <button type="button" onClick={redo} disabled={!history.current.canRedo} aria-label="Redo (Ctrl+Y)">Redo</button>
        <button type="button" onClick={groupSelected} disabled={selected.length < 2} title="Draw the selected activities as one box (only in this browser)">Group</button>
        <button type="button" onClick={layout} disabled={layingOut} aria-busy={layingOut}>{layingOut ? 'Laying out…' : 'Auto-layout'}</button>
        <button type="button" onClick={() => importInput.current?.click()}>Import…</button>
        <input ref={importInput} type="file" accept=".json,application/json" hidden aria-label="Definition file to load into the editor (ours or Elsa 3)"
          onChange={(e) => { const f = e.target.files?.[0]; if (f) void importIntoEditor(f); e.target.value = ''; }} />
        <button type="button" onClick={() => downloadJson(`${definitionId}-draft.json`, definition)}>Export</button>
        <select aria-label="Compare with version" value="" onChange={(e) => void compareWith(e.target.value)}>
          <option value="">Compare with…</option>
          {details.versions.map((v) => <option key={v.version} value={v.version}>v{v.version}</option>)}
        </select>
        <button type="button" onClick={() => void saveDraft()}>Save draft</button>
        <button type="button" className="primary" onClick={() => void publish()} disabled={unchanged} aria-describedby={unchanged ? 'publish-reason' : undefined}>Publish</button>
        {unchanged && <span id="publish-reason" className="muted small" data-testid="publish-reason">Nothing to publish: same as v{details.latestVersion}</span>}
        <button type="button" onClick={() => setStarting((s) => !s)} disabled={details.latestVersion === 0} aria-expanded={starting}>Start instance</button>
      </div>
      {starting && <StartInstanceForm definitionId={definitionId} inputs={published?.inputs ?? []} onStarted={(id) => navigate(`/instances/${id}`)} />}
      <div className="editor-body">
        <Palette descriptors={descriptors} onAdd={addActivity} />
        <div className="canvas" ref={canvasRef} onDragOver={(e) => { e.preventDefault(); e.dataTransfer.dropEffect = 'move'; }} onDrop={onDrop} data-testid="canvas" aria-label="Workflow diagram">
          <CategoryIconSprite />
          <DiagramContext.Provider value={diagram}>
            <GroupActions.Provider value={groupActions}>
            {canvasSize && (
            <NodeDetail fitted={fitted}>
            <ReactFlow
              nodes={shown.nodes} edges={edgeLayer === null ? shown.edges : NO_EDGES} nodeTypes={nodeTypes}
              onNodesChange={onNodesChange} onEdgesChange={onEdgesChange} onConnect={onConnect}
              onNodeDragStart={onNodeDragStart}
              deleteKeyCode={DELETE_KEYS}
              defaultEdgeOptions={DEFAULT_EDGE_OPTIONS}
              minZoom={MIN_ZOOM} onlyRenderVisibleElements={fitted} proOptions={PRO_OPTIONS} defaultViewport={defaultViewport ?? undefined}
            >
              <Background />
              {edgeLayer !== null && <EdgeLayer path={edgeLayer} />}
              <Controls showFitView={false}>
                <ControlButton onClick={() => void fit()} aria-label="Fit the whole workflow" title="Fit the whole workflow">⤢</ControlButton>
              </Controls>
              {/* After the first fit: drawn beside 200 nodes it would add their 200 rectangles to the first frame. */}
              {fitted && <MiniMap pannable zoomable ariaLabel="Overview of the diagram" />}
              <FitOnLoad minimap top={SEARCH_ROOM} fitKey={fitKey} onFitted={onFitted} drawnFitted={defaultViewport !== null} />
            </ReactFlow>
            </NodeDetail>
            )}
            </GroupActions.Provider>
            <DiagramSearch nodes={nodes} onPick={(id) => {
              // A found activity inside a collapsed group opens its group.
              setGroups((gs) => (gs.some((g) => g.members.includes(id)) ? gs.filter((g) => !g.members.includes(id)) : gs));
              setNodes((ns) => ns.map((n) => (n.selected === (n.id === id) ? n : { ...n, selected: n.id === id })));
            }} />
          </DiagramContext.Provider>
          <Toasts status={status} onClose={() => setStatus('')}>
            {restored && dirty && (
              <div className="toast toast-warning"><button type="button" onClick={() => { dirtyNow.current = false; onDiscardLocal(); }}>Discard the restored edit</button></div>
            )}
            {actionError !== null && (
              <div className="toast toast-error">
                <ErrorBox error={actionError} />
                <button type="button" className="close" aria-label="Close the error" onClick={() => setActionError(null)}>✕</button>
              </div>
            )}
            {workflowErrors.length > 0 && (
              <div className="toast toast-problems" role="alert" data-testid="workflow-problems">
                <span className="error-count">{workflowErrors.length}</span> {workflowErrors.map((e) => e.message).join(' · ')}
              </div>
            )}
          </Toasts>
          {nodes.length === 0 && <div className="canvas-empty">Drag an activity from the palette (or select one and press Enter) to begin.</div>}
        </div>
        <div className="sidebar">
          <PropertiesPanel node={panelNode} descriptor={panelNode ? descriptorMap.get(panelNode.data.activity.type) : undefined} variables={variableNames} scope={scope}
            errors={panelErrors} onRename={onRename} onInput={onInput} />
          <VariablesPanel variables={meta.variables ?? []} onChange={(v: VariableDefinition[]) => { record('variables'); setMeta({ ...meta, variables: v }); }} />
          <section className="panel" aria-label="Workflow">
            <h2>Workflow</h2>
            <label htmlFor="wf-description">Description</label>
            <textarea id="wf-description" rows={2} value={meta.description ?? ''} onChange={(e) => { record('meta.description'); setMeta({ ...meta, description: e.target.value || null }); }} />
            <WorkflowInputsEditor inputs={meta.inputs ?? []} onChange={(inputs) => { record('meta.inputs'); setMeta({ ...meta, inputs }); }} />
          </section>
          {diff && <DiffPanel label={diff.label} diff={diff.diff} onClose={() => setDiff(null)}><DraftReplay definitionId={definitionId} fromVersion={diff.version} saveDraft={saveDraft} /></DiffPanel>}
        </div>
      </div>
    </div>
  );
}

function DiffPanel({ label, diff, onClose, children }: { label: string; diff: VersionDiff; onClose: () => void; children?: React.ReactNode }) {
  return (
    <section className="panel diff" aria-label="Version differences" data-testid="diff-panel">
      <h2>Differences <span className="muted small">{label}</span></h2>
      <button type="button" className="close" onClick={onClose} aria-label="Close differences">✕</button>
      {isEmptyDiff(diff) && <p className="muted">No differences (positions are not compared).</p>}
      {diff.added.length > 0 && <><h3>Added</h3><ul>{diff.added.map((a) => <li key={a.id} className="diff-added">+ {a.id} ({a.type})</li>)}</ul></>}
      {diff.removed.length > 0 && <><h3>Removed</h3><ul>{diff.removed.map((a) => <li key={a.id} className="diff-removed">− {a.id} ({a.type})</li>)}</ul></>}
      {diff.changed.length > 0 && <><h3>Changed</h3><ul>{diff.changed.map((c) => <li key={c.id} className="diff-changed">~ {c.id} ({c.type}): {c.fields.join(', ')}</li>)}</ul></>}
      {(diff.connectionsAdded.length > 0 || diff.connectionsRemoved.length > 0) && (
        <><h3>Connections</h3><ul>
          {diff.connectionsAdded.map((c) => <li key={'+' + c} className="diff-added">+ {c}</li>)}
          {diff.connectionsRemoved.map((c) => <li key={'-' + c} className="diff-removed">− {c}</li>)}
        </ul></>
      )}
      {(diff.variables.added.length + diff.variables.removed.length + diff.variables.changed.length) > 0 && (
        <><h3>Variables</h3><ul>
          {diff.variables.added.map((v) => <li key={'+' + v} className="diff-added">+ {v}</li>)}
          {diff.variables.removed.map((v) => <li key={'-' + v} className="diff-removed">− {v}</li>)}
          {diff.variables.changed.map((v) => <li key={'~' + v} className="diff-changed">~ {v}</li>)}
        </ul></>
      )}
      {children}
    </section>
  );
}
