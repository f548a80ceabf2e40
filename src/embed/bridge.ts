import type { AppStore } from '../state/store.ts';
import { parseMessage, quote, type MessageId, type Request } from './messages.ts';
import { watchContentSize, type ContentSize } from './content-size.ts';
import { quizScore } from '../state/quiz-selectors.ts';
import { answerMessage } from './answer-message.ts';
import { errorMessage, readyMessage, resizeMessage, stateMessage, type ErrorMessage, type StateMessage } from './state-message.ts';

export interface BridgeOptions {
  /** From `origin=`: accept messages only from this origin and reply only to it. `undefined` when not pinned. */
  readonly origin?: string;
}

type Reply = StateMessage | ErrorMessage;
/** A load whose source is built in the background (a worker): its answer, and every request after it, wait for it. */
const BUILDING = Symbol('building');
const MAX_LISTED_INPUTS = 12;

/** Where a reply may go: the pinned origin, else the sender's origin; `*` only for an opaque ("null") sender. */
const replyTarget = (senderOrigin: string, pinned: string | undefined) => pinned ?? (senderOrigin === 'null' ? '*' : senderOrigin);

/** Carries out one checked request on the store and says what to answer, or that the answer waits for a build. */
function handle(store: AppStore, request: Request): Reply | typeof BUILDING {
  const { id } = request;
  const state = store.getState();
  switch (request.type) {
    case 'circuit:load': {
      // A long source is compiled off the page (as a paste is), so that a host's load never freezes it.
      state.setSource(request.source, request.step ?? 0, 'background');
      if (store.getState().building) return BUILDING;
      return loaded(store, id);
    }
    case 'circuit:step':
      if (!state.model) break;
      state.goTo(request.to);
      break;
    case 'circuit:set': {
      const { model, error } = state;
      const names = model ? model.circuit.inputs.map((i) => model.circuit.nodes[i]?.names[0] ?? '') : [];
      if (model && !names.includes(request.name)) {
        const listed = names.length > MAX_LISTED_INPUTS ? `${names.slice(0, MAX_LISTED_INPUTS).join(', ')}, …` : names.join(', ');
        return errorMessage(`unknown input name ${quote(request.name)}: expected ${names.length ? `one of ${listed}` : 'none, this formula has no inputs'}`, id);
      }
      if (error) return errorMessage(`cannot set ${quote(request.name)} while the formula has an error: ${error.message}`, id, error);
      state.setInputValue(request.name, request.value);
      break;
    }
    case 'circuit:get':
      break;
    case 'circuit:quiz':
      state.setQuiz(request.on);
      break;
  }
  return current(store, id);
}

/** A load's answer: its error, or the circuit now shown. */
function loaded(store: AppStore, id: MessageId | undefined): Reply {
  const { error } = store.getState();
  return error ? errorMessage(error.message, id, error) : current(store, id);
}

/** The circuit now shown, or why there is none. */
function current(store: AppStore, id: MessageId | undefined): Reply {
  const { model, step, error } = store.getState();
  if (!model) {
    const why = error ? `the formula has an error: ${error.message}` : 'no formula is loaded';
    return errorMessage(`there is no circuit to show: ${why}`, id, error ?? undefined);
  }
  return stateMessage(model, step, id as MessageId | undefined);
}

/**
 * The host-page API. Listens only to the parent window (never to siblings, popups or the app itself), answers
 * every `circuit:` request with exactly one `circuit:state` or `circuit:error`, and tells the host about changes
 * the user makes. Returns a function that stops it.
 */
export function startBridge(store: AppStore, win: Window, options: BridgeOptions = {}): () => void {
  const parent = win.parent;
  if (!parent || parent === win) return () => {};
  const pinned = options.origin;
  /** Where unrequested updates go: the pinned origin, or the last host that spoke to us (none before that). */
  let updatesTo: string | undefined = pinned;
  let lastSent = '';
  let flushQueued = false;
  /** The embed's content size, and where it was last sent: it goes where state updates go, once per change. */
  let size: ContentSize | null = null;
  let sizeSent = '';
  const sendSize = () => {
    if (!size || updatesTo === undefined) return;
    const key = `${updatesTo}\u0000${size.width}x${size.height}`;
    if (key === sizeSent) return;
    sizeSent = key;
    post(resizeMessage(size.width, size.height), updatesTo);
  };
  /** Two states with the same key read the same to the host (a rebuild of an unchanged formula is no change). */
  const keyOf = () => {
    const { model, step, expandSigmoid } = store.getState();
    return model ? `${step}\u0000${expandSigmoid}\u0000${model.source}` : '';
  };

  const post = (message: object, target: string) => {
    try {
      parent.postMessage(message, target);
    } catch {
      // NOTE: the parent may have navigated away; there is no one left to tell.
    }
  };

  const answer = (reply: Reply, target: string) => {
    // The reply carries this state, so the change it caused is not announced again.
    lastSent = keyOf();
    post(reply, target);
    // A host that has just spoken (or spoken from a new origin) learns the size it may not have had yet.
    sendSize();
  };
  type Received = { parsed: Exclude<ReturnType<typeof parseMessage>, { kind: 'ignore' }>; target: string };
  /** Requests that came while a circuit was building, answered in order once it is built; null when none is. */
  let held: Received[] | null = null;
  const holding = () => held !== null;
  /** Holds these requests until the build ends, then answers `first` (a load's answer) and, a task later, them. */
  const holdUntilBuilt = (waiting: Received[], first?: () => void) => {
    held = waiting;
    const stop = store.subscribe((state) => {
      if (state.building) return;
      stop();
      first?.();
      // The rest in a task of their own: the build's last slice has just shown the circuit.
      setTimeout(() => {
        const rest = held ?? [];
        held = null;
        // Served in order until one of them is held in turn (a load that builds): the rest wait behind it.
        while (rest.length && !holding()) serve(rest.shift() as Received);
        if (rest.length) held = [...(held ?? []), ...rest];
      }, 0);
    });
  };
  const serve = (received: Received) => {
    const { parsed, target } = received;
    updatesTo = target;
    // While a circuit builds (a long paste, a long link, a load), answers wait for it: they describe what is shown.
    if (store.getState().building) return holdUntilBuilt([received]);
    const reply = parsed.kind === 'invalid' ? errorMessage(parsed.message, parsed.id) : handle(store, parsed.request);
    if (reply !== BUILDING) return answer(reply, target);
    const id = parsed.kind === 'request' ? parsed.request.id : undefined;
    holdUntilBuilt([], () => answer(loaded(store, id), target));
  };
  const onMessage = (event: MessageEvent) => {
    if (event.source !== parent) return;
    if (pinned !== undefined && event.origin !== pinned) return;
    const parsed = parseMessage(event.data);
    if (parsed.kind === 'ignore') return;
    const received = { parsed, target: replyTarget(event.origin, pinned) };
    if (held) held.push(received);
    else serve(received);
  };

  // A user's action may set the store more than once; one microtask later they count as one change.
  const unsubscribe = store.subscribe(() => {
    if (flushQueued) return;
    flushQueued = true;
    queueMicrotask(() => {
      flushQueued = false;
      const key = keyOf();
      const { model, step } = store.getState();
      if (key === lastSent || !model || updatesTo === undefined) return;
      lastSent = key;
      post(stateMessage(model, step), updatesTo);
    });
  });

  // Each answer the student gives (or reveals) goes where state updates go, as it happens.
  const unsubscribeAnswers = store.subscribe((state, previous) => {
    const answer = state.lastAnswer;
    if (!answer || answer === previous.lastAnswer || updatesTo === undefined) return;
    post(answerMessage(answer, quizScore(state, answer.source)), updatesTo);
  });

  const unwatch = store.getState().embed ? watchContentSize(win, store, (s) => {
    size = s;
    sendSize();
  }) : () => {};

  lastSent = keyOf();
  win.addEventListener('message', onMessage);
  post(readyMessage, pinned ?? '*');
  return () => {
    win.removeEventListener('message', onMessage);
    unsubscribe();
    unsubscribeAnswers();
    unwatch();
  };
}
