import { useEffect, useState } from 'react';

const IDLE_MS = 2000;

/**
 * The presentation view's screen: full screen where the browser allows it (a key press or click that opened the view
 * counts as the user's gesture; an iframe without `allowfullscreen` says no, and the view stays in the window).
 * Leaving full screen (the browser takes `Esc` for that) leaves the view. The pointer hides when it rests.
 */
export function usePresentationScreen(onLeave: () => void): { idle: boolean } {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    const doc = document;
    let entered = false;
    const request = doc.documentElement.requestFullscreen?.bind(doc.documentElement);
    if (request && doc.fullscreenEnabled && !doc.fullscreenElement) {
      request().then(() => (entered = true), () => {});
    }
    const onChange = () => {
      if (entered && !doc.fullscreenElement) onLeave();
    };
    doc.addEventListener('fullscreenchange', onChange);
    return () => {
      doc.removeEventListener('fullscreenchange', onChange);
      if (entered && doc.fullscreenElement) doc.exitFullscreen().catch(() => {});
    };
  }, [onLeave]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const wake = () => {
      setIdle(false);
      clearTimeout(timer);
      timer = setTimeout(() => setIdle(true), IDLE_MS);
    };
    wake();
    window.addEventListener('pointermove', wake);
    window.addEventListener('pointerdown', wake);
    return () => {
      clearTimeout(timer);
      window.removeEventListener('pointermove', wake);
      window.removeEventListener('pointerdown', wake);
    };
  }, []);
  return { idle };
}
