import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../state/store.ts';

/** Training time per slice: short enough that a click or a key waits at most this long for the page. */
export const TRAIN_SLICE_MS = 8;
/** Publishes come at least this far apart during a run, and at most this far apart however heavy the drawing. */
const MIN_PUBLISH_INTERVAL_MS = 32;
const MAX_PUBLISH_INTERVAL_MS = 200;

/**
 * While a run plays, it trains in slices of a few milliseconds, each its own task (so input is handled between
 * them), filling the time between frames; at most once per animation frame the run's head is published for every view.
 * Redrawing every view after a publish (a big circuit's labels, the explanation) can take longer than a frame, so
 * publishes are spaced to twice what the last one cost: training keeps at least half the time, whatever the circuit.
 */
export function useTrainLoop(store: AppStore): void {
  const playing = useStore(store, (s) => s.trainPlaying);
  useEffect(() => {
    if (!playing) return;
    let stopped = false;
    let done = false;
    let published = -Infinity;
    let measuring = false;
    let interval = MIN_PUBLISH_INTERVAL_MS;
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      if (stopped) return;
      // The first task after a publish starts once its frame has been drawn: what the publish cost.
      if (measuring) {
        measuring = false;
        interval = Math.min(MAX_PUBLISH_INTERVAL_MS, Math.max(MIN_PUBLISH_INTERVAL_MS, 2 * (performance.now() - published)));
      }
      if (store.getState().trainWork(TRAIN_SLICE_MS)) channel.port2.postMessage(null);
      else done = true;
    };
    channel.port2.postMessage(null);
    let frame = requestAnimationFrame(function publish() {
      const now = performance.now();
      if (!done && now - published < interval) {
        frame = requestAnimationFrame(publish);
        return;
      }
      published = now;
      measuring = !done;
      if (store.getState().trainPublish()) frame = requestAnimationFrame(publish);
    });
    return () => {
      stopped = true;
      cancelAnimationFrame(frame);
      channel.port1.close();
    };
  }, [store, playing]);
}
