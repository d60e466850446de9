/** Wire types of the Sleek Workflows API, as the designer uses them. */

export interface Position { x: number; y: number }

/** An expression object; any other JSON value is a literal. */
export type Expression =
  | { $js: string }
  | { $var: string }
  | { $template: string }
  | { $literal: unknown };

export interface ActivityDefinition {
  id: string;
  type: string;
  name?: string;
  description?: string;
  inputs?: Record<string, unknown>;
  position?: Position;
  /** Retry policy; other fields are kept as they are at run time too. */
  retry?: unknown;
}

export interface ConnectionDefinition {
  source: { activity: string; port: string };
  target: { activity: string; port?: string };
}

export interface VariableDefinition {
  name: string;
  type: string;
  default?: unknown;
}

export interface WorkflowInputDefinition {
  name: string;
  type: string;
  required?: boolean;
  description?: string;
  [extra: string]: unknown;
}

export interface WorkflowDefinition {
  definitionId: string;
  version?: number;
  name: string;
  description?: string | null;
  variables?: VariableDefinition[];
  inputs?: WorkflowInputDefinition[];
  root: { activities: ActivityDefinition[]; connections: ConnectionDefinition[] };
}

export interface InputDescriptor {
  name: string;
  type: string;
  required: boolean;
  default?: unknown;
  description?: string | null;
  options?: string[] | null;
  literalOnly?: boolean;
  uiHint?: string | null;
  namesVariable?: boolean;
  /** Only an expression is allowed: the server refuses a literal (a Decision's condition). */
  expressionOnly?: boolean;
}

export interface ActivityDescriptor {
  type: string;
  category: string;
  displayName: string;
  description: string;
  ports: string[];
  hasDynamicPorts: boolean;
  isResumable: boolean;
  outputType?: string | null;
  inputs: InputDescriptor[];
}

/** One problem from validation: the field path and the activity it belongs to. */
export interface ValidationError {
  field: string;
  activityId?: string | null;
  message: string;
}

export interface WorkflowSummary {
  definitionId: string;
  name: string;
  description?: string | null;
  latestVersion: number;
  hasDraft: boolean;
  activeInstances: number;
  updatedAt: string;
}

export interface VersionInfo { version: number; name: string; source: string; hash: string; publishedAt: string }

export interface WorkflowDetails {
  definitionId: string;
  name: string;
  description?: string | null;
  latestVersion: number;
  draft: WorkflowDefinition | null;
  draftUpdatedAt?: string | null;
  draftErrors?: ValidationError[] | null;
  versions: VersionInfo[];
}

export interface Page<T> { items: T[]; pageNumber: number; pageSize: number; total: number }

export interface InstanceSummary {
  id: string;
  definitionId: string;
  version: number;
  status: string;
  correlationId?: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string | null;
  /** The quote, order… it works for, by number (filled by the host). */
  references?: InstanceReference[] | null;
}

export interface InstanceReference { kind: string; id: string; number: string }

export interface Bookmark {
  id: string;
  activityId: string;
  name: string;
  correlationKey?: string | null;
  token: string;
  dueAt?: string | null;
  data?: unknown;
  createdAt: string;
}

export interface JournalEntry {
  sequence: number;
  activityId: string;
  activityType: string;
  executionNumber?: number;
  event: string;
  startedAt?: string | null;
  completedAt?: string | null;
  inputs?: unknown;
  output?: unknown;
  ports?: string | string[] | null;
  error?: string | null;
}

export interface Incident {
  id: string;
  instanceId?: string;
  activityId?: string;
  activityType?: string;
  attempt?: number;
  error?: string;
  message?: string;
  createdAt?: string;
  resolvedAt?: string | null;
  [extra: string]: unknown;
}

export interface InstanceDetails extends InstanceSummary {
  error?: string | null;
  variables: Record<string, unknown>;
  input?: Record<string, unknown> | null;
  bookmarks: Bookmark[];
  pendingRetries?: unknown[];
  incidents: Incident[];
  journal: JournalEntry[];
  journalHasMore?: boolean;
  /** The instance whose ExecuteWorkflow/DispatchWorkflow started this one (null for a top-level instance). */
  parent?: { instanceId: string; activityId?: string | null } | null;
  /** Child workflows this instance started, oldest first. */
  children?: ChildInstance[] | null;
}

export interface ChildInstance {
  id: string;
  definitionId: string;
  version: number;
  status: string;
  activityId?: string | null;
  createdAt: string;
  finishedAt?: string | null;
}

export interface FormField {
  name: string;
  label?: string | null;
  type: string;
  required?: boolean;
  /** Outcomes for which the field must be filled (the server refuses a blank one, naming the field). */
  requiredFor?: string[] | null;
  options?: string[] | null;
  maxLength?: number | null;
}

export interface HumanTask {
  id: string;
  instanceId: string;
  definitionId: string;
  correlationId?: string | null;
  activityId: string;
  title: string;
  description?: string | null;
  role: string;
  assignee?: string | null;
  form: FormField[];
  outcomes: string[];
  createdAt: string;
}
