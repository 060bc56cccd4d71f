// A fake PaymentController for component tests: records calls and lets a test set the state.
import type { CardInput, PaymentController, PaymentState, SavedCardChoice } from "../shared/index.ts";

export interface FakeController extends PaymentController {
  readonly submitted: CardInput[];
  /** Payments with a saved card (the saved cards' panel). */
  readonly savedSubmitted: SavedCardChoice[];
  readonly retries: number;
  readonly cancels: number;
  readonly frames: Window[];
  /** Moves to a state and tells the subscribers, as the real flow does. */
  emit(state: PaymentState): void;
  /** Ends the pending submit() promise. */
  finishSubmit(): void;
}

export function fakeController(initial: PaymentState = { kind: "idle" }): FakeController {
  let state = initial;
  const listeners = new Set<(s: PaymentState) => void>();
  const pending: Array<() => void> = [];
  const fake = {
    submitted: [] as CardInput[],
    savedSubmitted: [] as SavedCardChoice[],
    retries: 0,
    cancels: 0,
    frames: [] as Window[],
    getState: () => state,
    subscribe(listener: (s: PaymentState) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(next: PaymentState) {
      state = next;
      for (const l of [...listeners]) l(next);
    },
    // Stays idle on purpose: the form alone must stop a second click.
    submit(card: CardInput | SavedCardChoice) {
      if ("body" in card) fake.savedSubmitted.push(card);
      else fake.submitted.push({ ...card });
      return new Promise<void>((resolve) => pending.push(resolve));
    },
    finishSubmit() {
      for (const resolve of pending.splice(0)) resolve();
    },
    async retry() {
      fake.retries++;
    },
    cancelThreeDs() {
      fake.cancels++;
    },
    attachThreeDsFrame(frame: Window) {
      fake.frames.push(frame);
    },
    destroy() {
      listeners.clear();
    },
  };
  return fake;
}
