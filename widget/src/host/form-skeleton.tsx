// What the widget shows while it cannot show the form yet (the outcome of a redirect being read, the
// saved cards being asked for):
// the form's outline, pulsing, at the form's height, so nothing jumps when the answer comes.
import { Component } from "preact";
import type { RefObject } from "preact";
import { holdStyles, themeAttributes } from "../shared/index.ts";
import type { Appearance, HeldStyles } from "../shared/index.ts";

export interface FormSkeletonProps {
  /** Said to screen readers ("Loading the payment form…"). */
  label: string;
  appearance?: Appearance | undefined;
  nonce?: string | undefined;
}

export class FormSkeleton extends Component<FormSkeletonProps> {
  #styles: HeldStyles | undefined;
  readonly #root: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  override componentDidMount(): void {
    this.#styles = holdStyles(this.#root.current, this.props.nonce);
  }

  override componentWillUnmount(): void {
    this.#styles?.release();
  }

  override render({ label, appearance }: FormSkeletonProps) {
    return (
      <div class="cw" aria-busy="true" {...themeAttributes(appearance)} ref={this.#root}>
        <p class="cw-sr" role="status">
          {label}
        </p>
        <span class="cw-skel" />
        <div class="cw-row">
          <span class="cw-skel" />
          <span class="cw-skel" />
        </div>
        <span class="cw-skel" />
        <span class="cw-skel" />
      </div>
    );
  }
}
