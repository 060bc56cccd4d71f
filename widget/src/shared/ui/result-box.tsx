// The screens that replace the form once a payment is over, as both files draw them: a failure
// (main: a late chunk that does not load ends there) and the answers (late). Each takes focus on
// mount so a keyboard or screen-reader user lands on the outcome rather than on a vanished Pay button.
import { Component } from "preact";
import type { ComponentChildren, RefObject } from "preact";

/** The outcome's box; it takes focus when it appears. */
export class ResultBox extends Component<{ children?: ComponentChildren }> {
  // A ref, not `this.base`: Preact 11 has no `base`.
  readonly #box: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  override componentDidMount(): void {
    this.#box.current?.focus();
  }

  override render({ children }: { children?: ComponentChildren }) {
    return (
      <div class="cw-result" tabIndex={-1} ref={this.#box}>
        {children}
      </div>
    );
  }
}

export interface RetryScreenProps {
  title: string;
  text: string;
  retryLabel: string;
  onRetry: () => void;
  /** A second, distinct way on (a decline's "Pay with another card"). */
  otherLabel?: string | undefined;
  onOther?: (() => void) | undefined;
}

/** A payment that did not go through: what happened, and a button to try again (and maybe another way on). */
export function RetryScreen({ title, text, retryLabel, onRetry, otherLabel, onOther }: RetryScreenProps) {
  return (
    <ResultBox>
      <span class="cw-mark cw-bad" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{text}</p>
      <button type="button" class="cw-btn" onClick={onRetry}>
        {retryLabel}
      </button>
      {otherLabel && onOther && (
        <button type="button" class="cw-btn cw-alt" onClick={onOther}>
          {otherLabel}
        </button>
      )}
    </ResultBox>
  );
}
