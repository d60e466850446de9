/** The quote assistant's shapes and its message stream (src/Host/Endpoints/Assistant). */
import { ApiError, getToken, refreshTokens, type Problem } from '../api/client';
import { SseParser } from './sse';

export interface AssistantStatus { available: boolean; formUrl: string; signedIn: boolean }

export interface AssistantMessage {
  id: string;
  sequence: number;
  role: 'user' | 'assistant' | 'tool' | 'system';
  status: 'complete' | 'interrupted' | 'awaiting_confirmation' | 'confirmed';
  content: string | null;
  toolName: string | null;
  arguments: unknown;
  result: Record<string, unknown> | null;
  quoteId: string | null;
  createdAt: string;
}

export interface AssistantConversation { id: string; title: string; status: string; signedIn: boolean; messages: AssistantMessage[] }

/** One event of a reply's stream. */
export type AssistantEvent =
  | { kind: 'conversation'; id: string }
  | { kind: 'user'; message: AssistantMessage }
  | { kind: 'delta'; text: string }
  | { kind: 'tool'; message: AssistantMessage }
  | { kind: 'message'; message: AssistantMessage }
  | { kind: 'error'; detail: string; formUrl: string; message: AssistantMessage | null };

/** A tool event's data as a message, so live and stored tool calls render the same. */
function toolMessage(data: Record<string, unknown>): AssistantMessage {
  return {
    id: String(data.messageId), sequence: 0, role: 'tool', status: data.status as AssistantMessage['status'], content: null,
    toolName: String(data.toolName), arguments: data.arguments, result: (data.result ?? null) as Record<string, unknown> | null, quoteId: null, createdAt: '',
  };
}

/** Parses one server-sent event of the reply stream; null for kinds this client does not know. */
export function assistantEvent(event: string, data: string): AssistantEvent | null {
  const json = JSON.parse(data) as Record<string, unknown>;
  if (event === 'conversation') return { kind: 'conversation', id: String(json.id) };
  if (event === 'user' || event === 'message') return { kind: event, message: json as unknown as AssistantMessage };
  if (event === 'delta') return { kind: 'delta', text: String(json.text ?? '') };
  if (event === 'tool') return { kind: 'tool', message: toolMessage(json) };
  if (event === 'error') return { kind: 'error', detail: String(json.detail ?? ''), formUrl: String(json.formUrl ?? '/quote'), message: (json.message ?? null) as AssistantMessage | null };
  return null;
}

/**
 * Sends a message and hands each event of the reply to `onEvent` as it arrives; without a conversation id it starts
 * one, whose id comes first as a `conversation` event. A refusal before the stream starts (400, 404, 409, 429 with
 * Retry-After) throws ApiError with the problem.
 */
export async function sendAssistantMessage(conversationId: string | null, text: string, onEvent: (e: AssistantEvent) => void, signal?: AbortSignal): Promise<void> {
  const send = () => {
    const headers: Record<string, string> = { accept: 'text/event-stream', 'content-type': 'application/json' };
    const token = getToken();
    if (token) headers.authorization = `Bearer ${token}`;
    const path = conversationId ? `/api/assistant/conversations/${conversationId}/messages` : '/api/assistant/conversations';
    return fetch(path, { method: 'POST', headers, body: JSON.stringify({ text }), signal });
  };
  let response: Response;
  try {
    response = await send();
    if (response.status === 401 && getToken() && (await refreshTokens())) response = await send();
  } catch (e) {
    throw new ApiError(0, { title: 'Network error', detail: `The server did not answer: ${(e as Error).message}` });
  }
  if (!response.ok || !response.body) {
    let problem: Problem = { title: response.statusText, status: response.status };
    try { problem = (await response.json()) as Problem; } catch { /* not JSON */ }
    const retryAfter = response.headers.get('retry-after');
    if (retryAfter) problem.retryAfter = Number(retryAfter);
    throw new ApiError(response.status, problem);
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  const parser = new SseParser();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    for (const m of parser.push(value)) {
      const event = assistantEvent(m.event, m.data);
      if (event) onEvent(event);
    }
  }
}

/** "in 3 h 20 min" for a Retry-After in seconds. */
export function waitWords(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes < 60 ? `in ${minutes} min` : `in ${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
