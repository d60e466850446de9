import type { WorkflowInputDefinition } from './types';

/** What a person typed for each declared input: text, or a tick for booleans. */
export type StartInputValues = Record<string, string | boolean>;

/**
 * The start input from the form generated for a workflow's declared inputs: numbers as numbers, objects and
 * arrays as JSON, blanks left out. Returns the problems by input name (a required one left blank, a number
 * that is no number, JSON that does not parse) instead when there are any.
 */
export function buildStartInput(inputs: WorkflowInputDefinition[], values: StartInputValues): { input: Record<string, unknown>; problems: Record<string, string> } {
  const input: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const def of inputs) {
    const raw = values[def.name];
    if (def.type === 'boolean') {
      if (raw !== undefined) input[def.name] = raw === true;
      else if (def.required) input[def.name] = false;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : '';
    if (text === '') {
      if (def.required) problems[def.name] = 'is required to start this workflow';
      continue;
    }
    switch (def.type) {
      case 'number':
      case 'integer': {
        const n = Number(text);
        if (!Number.isFinite(n)) problems[def.name] = 'must be a number';
        else if (def.type === 'integer' && !Number.isInteger(n)) problems[def.name] = 'must be a whole number';
        else input[def.name] = n;
        break;
      }
      case 'object':
      case 'array':
        try {
          const parsed: unknown = JSON.parse(text);
          const fits = def.type === 'array' ? Array.isArray(parsed) : typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed);
          if (fits) input[def.name] = parsed;
          else problems[def.name] = def.type === 'array' ? 'must be a JSON list, like ["a", "b"]' : 'must be a JSON object, like {"key": "value"}';
        } catch {
          problems[def.name] = 'is not valid JSON';
        }
        break;
      case 'any':
        // JSON when it parses, else the text itself.
        try { input[def.name] = JSON.parse(text); } catch { input[def.name] = text; }
        break;
      default:
        input[def.name] = text;
    }
  }
  return { input, problems };
}
