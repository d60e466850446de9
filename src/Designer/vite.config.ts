import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import { earlyEditorScript } from './src/earlyEditor.ts';

/**
 * Adds the early script (src/earlyEditor.ts) to index.html, with the editor's chunk and the chunks it imports that the
 * entry does not (the entry's are loaded by index.html anyway).
 */
function earlyEditor(): Plugin {
  let script = '';
  return {
    name: 'sleek-early-editor',
    apply: 'build',
    // Before Vite's HTML plugin, whose generateBundle writes index.html (and runs transformIndexHtml below).
    enforce: 'pre',
    generateBundle(_, bundle: Rollup.OutputBundle) {
      const chunk = (name: string) => bundle[name] as Rollup.OutputChunk;
      const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
      const editor = chunks.find((c) => c.facadeModuleId?.endsWith('/src/screens/Editor.tsx'));
      if (!editor) throw new Error('earlyEditor: no chunk for src/screens/Editor.tsx');
      const loaded = new Set<string>();
      const addLoaded = (name: string) => { if (!loaded.has(name)) { loaded.add(name); chunk(name).imports.forEach(addLoaded); } };
      chunks.filter((c) => c.isEntry).forEach((c) => addLoaded(c.fileName));
      const files: string[] = [];
      const add = (name: string) => { if (!loaded.has(name) && !files.includes(name)) { files.push(name); chunk(name).imports.forEach(add); } };
      add(editor.fileName);
      script = this.getFileName(this.emitFile({ type: 'asset', name: 'early.js', source: earlyEditorScript(files.map((f) => `/${f}`)) }));
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => (script ? [{ tag: 'script', attrs: { src: `/${script}` }, injectTo: 'head' }] : []),
    },
  };
}

// `npm run dev` proxies the API to a host on :5080 (dotnet run --project src/Host).
export default defineConfig({
  plugins: [react(), earlyEditor()],
  server: {
    proxy: {
      '/api': 'http://localhost:5080',
      '/health': 'http://localhost:5080',
    },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
});
