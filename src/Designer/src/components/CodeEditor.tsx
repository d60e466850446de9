import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { javascript } from '@codemirror/lang-javascript';
import { EditorView } from '@codemirror/view';
import CodeMirror from '@uiw/react-codemirror';
import { useMemo, useRef } from 'react';
import { completeExpression, type CompletionScope } from '../model/completion';

export interface CodeEditorProps {
  id: string;
  value: string;
  label: string;
  invalid: boolean;
  placeholder?: string;
  scope: CompletionScope;
  /** JavaScript is highlighted; a template is plain text with the same completion inside its {{ }}. */
  language: 'js' | 'template';
  onChange: (text: string) => void;
}

/**
 * CodeMirror for an expression: JavaScript highlighting and completion of `variables.`, `input.` and earlier
 * activities' `outputs.`. Loaded on demand (its own chunk); CodeMirror evaluates no code, so it runs under the
 * page's Content-Security-Policy (script-src 'self').
 */
export default function CodeEditor({ id, value, label, invalid, placeholder, scope, language, onChange }: CodeEditorProps) {
  // The scope changes as the workflow is edited; the completion source reads the latest without rebuilding the editor.
  const latest = useRef(scope);
  latest.current = scope;
  const extensions = useMemo(() => {
    const source = (ctx: CompletionContext): CompletionResult | null => {
      const answer = completeExpression(ctx.state.doc.toString(), ctx.pos, latest.current);
      if (!answer || answer.options.length === 0) return null;
      return { from: answer.from, options: answer.options.map((o) => ({ label: o.label, apply: o.apply, detail: o.detail, type: o.type })), filter: false };
    };
    return [
      ...(language === 'js' ? [javascript()] : []),
      autocompletion({ override: [source], icons: false }),
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ id, 'aria-label': label, 'aria-invalid': String(invalid), 'aria-multiline': 'true', role: 'textbox' }),
    ];
  }, [id, label, invalid, language]);
  return (
    <CodeMirror className="code-editor" value={value} onChange={onChange} extensions={extensions} placeholder={placeholder} minHeight="2.6em"
      basicSetup={{ lineNumbers: false, foldGutter: false, highlightActiveLine: false, highlightActiveLineGutter: false, autocompletion: false, searchKeymap: false }} />
  );
}
