/**
 * Adds a classic script to the page and resolves once it has run. A classic script needs no CORS (a module script
 * from an opaque origin would), and the app's CSP (`script-src 'self'`) allows its own files.
 */
export function loadScript(src: string, doc: Document = document): Promise<HTMLScriptElement> {
  return new Promise((resolve, reject) => {
    const script = doc.createElement('script');
    script.src = src;
    script.onload = () => resolve(script);
    script.onerror = () => reject(new Error(`could not load ${src}`));
    doc.head.append(script);
  });
}
