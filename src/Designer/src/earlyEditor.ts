/**
 * The page's early script (vite.config.ts's earlyEditor plugin puts it in index.html's head, before the app's own
 * module): on a page opened on a workflow, with a sign-in token, it asks at once for what the editor needs, its chunks
 * (modulepreload) and its first requests, while the app's script is still loading and being evaluated (~100–250 ms).
 * api/earlyPrefetch.ts then takes those requests (window.sleekEarly, by path) instead of sending them again. Elsewhere
 * it does nothing. A classic script of its own (the CSP allows no inline script), kept small: index.html's JavaScript
 * counts towards the first screen's budget.
 *
 * `files`: the editor's chunks, as absolute paths. The paths asked must be those of screens/loaders.ts's prefetchEditor.
 */
export function earlyEditorScript(files: string[]): string {
  return `(function(){try{var m=/^\\/workflows\\/([^/]+)\\/?$/.exec(location.pathname),t=sessionStorage.getItem("sleek.token");if(!m||!t)return;`
    + `var w="/api/workflows/"+encodeURIComponent(decodeURIComponent(m[1])),h={headers:{accept:"application/json",authorization:"Bearer "+t}},e={};`
    + `${JSON.stringify(files)}.forEach(function(f){var l=document.createElement("link");l.rel="modulepreload";l.crossOrigin="";l.href=f;document.head.appendChild(l)});`
    + `["/api/activities",w,w+"/export"].forEach(function(p){e[p]=fetch(p,h)});window.sleekEarly=e}catch(x){}})();\n`;
}
