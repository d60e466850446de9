import { createContext, useContext } from 'react';
import type { ActivityDescriptor, ValidationError } from '../model/types';

/** What activity nodes need besides their own data: descriptors, pinned errors, how an instance ran them. */
export interface DiagramInfo {
  descriptors: Map<string, ActivityDescriptor>;
  errors: Map<string, ValidationError[]>;
  runStates: Map<string, 'executed' | 'waiting' | 'faulted'>;
  readOnly: boolean;
}

export const DiagramContext = createContext<DiagramInfo>({ descriptors: new Map(), errors: new Map(), runStates: new Map(), readOnly: false });

export function useDiagram(): DiagramInfo {
  return useContext(DiagramContext);
}

/** Problem-details errors ({"root.activities[2].inputs.x": ["activity 'l': …"]}) as validation errors with activity ids. */
export function errorsFromProblem(errors: unknown, activityIds: string[]): ValidationError[] {
  if (Array.isArray(errors)) return errors as ValidationError[];
  if (!errors || typeof errors !== 'object') return [];
  const out: ValidationError[] = [];
  for (const [field, messages] of Object.entries(errors as Record<string, string[]>)) {
    const m = /^root\.activities\[(\d+)\]/.exec(field);
    const activityId = m ? activityIds[Number(m[1])] : undefined;
    for (const raw of messages) {
      const message = raw.replace(/^activity '[^']*': /, '');
      out.push({ field, activityId, message });
    }
  }
  return out;
}

/** Group errors by activity id ('' for errors of the workflow itself). */
export function errorsByActivity(errors: ValidationError[]): Map<string, ValidationError[]> {
  const map = new Map<string, ValidationError[]>();
  for (const e of errors) {
    const key = e.activityId ?? '';
    map.set(key, [...(map.get(key) ?? []), e]);
  }
  return map;
}
