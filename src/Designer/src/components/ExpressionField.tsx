import { lazy, Suspense } from 'react';
import type { CodeEditorProps } from './CodeEditor';

// CodeMirror is a chunk of its own, fetched when the first expression is shown (never on the first screen).
const loadCodeEditor = () => import('./CodeEditor');
const CodeEditor = lazy(loadCodeEditor);

/** Fetches CodeMirror's chunk in the background (the editor, once its diagram shows), so the first expression opens at once. */
export function preloadCodeEditor() {
  const load = () => void loadCodeEditor().catch(() => { /* the field loads it again when it shows */ });
  if (typeof requestIdleCallback === 'function') requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 200);
}

/** An expression's editor: a plain text box until CodeMirror has loaded, then CodeMirror. */
export function ExpressionField(props: CodeEditorProps) {
  const fallback = (
    <textarea id={props.id} className="code" rows={2} value={props.value} aria-label={props.label} aria-invalid={props.invalid}
      spellCheck={false} placeholder={props.placeholder} onChange={(e) => props.onChange(e.target.value)} />
  );
  return <Suspense fallback={fallback}><CodeEditor {...props} /></Suspense>;
}
