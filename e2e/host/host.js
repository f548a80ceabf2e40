// The host side of the embed API, as a course page would write it. Query parameters:
//   app      the app's query string (default "?embed=1")      base     the app's address (default http://localhost:4173/)
//   sandbox  the iframe's sandbox attribute (absent: none)    w, h     the iframe's size (default 720 × 420)
//   sibling  "1" adds a second, foreign iframe beside the app
//   autosize "1" sets the iframe's height to each circuit:resize height, as a course page sizing its frame would
const params = new URLSearchParams(location.search);
const base = params.get('base') ?? 'http://localhost:4173/';
const frame = document.createElement('iframe');
frame.id = 'app';
frame.name = 'app';
frame.title = 'Backpropagation circuit';
frame.width = params.get('w') ?? '720';
frame.height = params.get('h') ?? '420';
if (params.has('sandbox')) frame.setAttribute('sandbox', params.get('sandbox') ?? '');
frame.src = base + (params.get('app') ?? '?embed=1');

/** Every message the app sent, in order, with the origin it came from; circuit:resize ones apart, in `resizes`. */
window.received = [];
window.resizes = [];
window.addEventListener('message', (event) => {
  if (event.source !== frame.contentWindow) return;
  if (event.data && event.data.type === 'circuit:resize') {
    window.resizes.push({ origin: event.origin, data: event.data });
    if (params.get('autosize') === '1') frame.height = String(event.data.height);
    return;
  }
  window.received.push({ origin: event.origin, data: event.data });
});

window.send = (message) => frame.contentWindow.postMessage(message, '*');

/** Sends a request and resolves with the first reply carrying its id (or null after the timeout). */
window.request = (message, timeoutMs = 5000) => new Promise((resolve) => {
  const from = window.received.length;
  const started = Date.now();
  const poll = () => {
    const reply = window.received.slice(from).find((m) => m.data && m.data.id === message.id && m.data.type !== 'circuit:ready');
    if (reply) resolve(reply.data);
    else if (Date.now() - started > timeoutMs) resolve(null);
    else setTimeout(poll, 10);
  };
  window.send(message);
  poll();
});

window.resizeApp = (w, h) => {
  frame.width = String(w);
  frame.height = String(h);
};

const frames = document.getElementById('frames');
frames.append(frame);
if (params.get('sibling') === '1') {
  const sibling = document.createElement('iframe');
  sibling.id = 'sibling';
  sibling.name = 'sibling';
  sibling.title = 'Another widget';
  sibling.src = 'sibling.html';
  frames.append(sibling);
}
