// The screens that replace the form once a payment is over, as both files draw them: a failure
// (main: a late chunk that does not load ends there) and the answers (late). Each takes focus on
// mount so a keyboard or screen-reader user lands on the outcome rather than on a vanished Pay button.
import { Component } from "preact";
import type { ComponentChildren } from "preact";
import { elementOf } from "./widget-root.ts";

/** The outcome's box; it takes focus when it appears. */
export class ResultBox extends Component<{ children?: ComponentChildren }> {
  override componentDidMount(): void {
    elementOf(this)?.focus();
  }

  override render({ children }: { children?: ComponentChildren }) {
    return (
      <div class="cw-result" tabIndex={-1}>
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
}

/** A payment that did not go through: what happened, and a button to try again. */
export function RetryScreen({ title, text, retryLabel, onRetry }: RetryScreenProps) {
  return (
    <ResultBox>
      <span class="cw-mark cw-bad" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{text}</p>
      <button type="button" class="cw-btn" onClick={onRetry}>
        {retryLabel}
      </button>
    </ResultBox>
  );
}
