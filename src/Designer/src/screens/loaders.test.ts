import { describe, expect, it } from 'vitest';
import { loadedEditor, loadEditor } from './loaders';

// App renders the editor's module directly once its chunk is here (no Suspense retry, which React holds back).
describe('loadedEditor', () => {
  it('is null until the chunk has loaded, then the module loadEditor gave', async () => {
    expect(loadedEditor()).toBeNull();
    const loading = loadEditor();
    expect(loadedEditor()).toBeNull();
    const module = await loading;
    expect(loadedEditor()).toBe(module);
    expect(typeof loadedEditor()?.Editor).toBe('function');
  });
});
