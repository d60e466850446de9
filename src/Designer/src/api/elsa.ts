import { api } from './client';
import type { ValidationError, WorkflowDefinition } from '../model/types';

/** Answer of POST /api/workflows/convert: an Elsa 3 export as one of our definitions (not saved). */
export interface ConvertedWorkflow {
  definition: WorkflowDefinition;
  /** What was carried over approximately. */
  warnings: string[];
  /** What would stop publishing it as it is. */
  errors: ValidationError[];
}

/** Whether a parsed file is an Elsa 3 export (its root is an Elsa activity); the server converts it, and refuses it when it cannot. */
export function isElsaExport(json: unknown): boolean {
  const root = typeof json === 'object' && json !== null ? (json as { root?: unknown }).root : undefined;
  const type = typeof root === 'object' && root !== null ? (root as { type?: unknown }).type : undefined;
  return typeof type === 'string' && type.startsWith('Elsa.');
}

/** Converts an Elsa 3 export on the server (the one converter); a 400 names each type and expression that has no equivalent. */
export function convertElsa(json: unknown): Promise<ConvertedWorkflow> {
  return api<ConvertedWorkflow>('/api/workflows/convert', { method: 'POST', body: json });
}
