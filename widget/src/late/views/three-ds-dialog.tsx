// 3-D Secure in iframe mode: the bank's page in a named frame inside a modal dialog.
import { Component } from "preact";
import { elementOf, Modal } from "../../shared/index.ts";
import type { Appearance, PaymentState } from "../../shared/index.ts";
import { createLateTranslator } from "../i18n/index.ts";
import { postToAcs } from "../payment/index.ts";
import type { AnswerProps } from "./result-screens.tsx";

export type ThreeDsState = Extract<PaymentState, { kind: "threeDs" }>;

export interface ThreeDsDialogProps extends AnswerProps<ThreeDsState> {
  /** The shopper closed the dialog (Cancel or Escape). */
  onCancel: () => void;
  appearance?: Appearance | undefined;
  nonce?: string | undefined;
}

/** The ACS page size when the gateway does not say (the gateway's documented minimum is 500×500). */
const DEFAULT_WIDTH = 500;
const DEFAULT_HEIGHT = 600;

export class ThreeDsDialog extends Component<ThreeDsDialogProps> {
  // The form can target the frame only once the named iframe is in the document.
  override componentDidMount(): void {
    this.#post();
  }

  override componentDidUpdate(previous: ThreeDsDialogProps): void {
    if (previous.state.challenge !== this.props.state.challenge || previous.state.frameName !== this.props.state.frameName) this.#post();
  }

  #post = (): void => {
    // The frame is in the dialog this component renders (this.base).
    const el = elementOf(this)?.querySelector("iframe");
    if (el) postToAcs(this.props.state.challenge, this.props.state.frameName, el.ownerDocument);
  };

  override render({ state: { challenge, frameName }, lang, texts, onCancel, appearance, nonce }: ThreeDsDialogProps) {
    const t = createLateTranslator(lang, texts);
    const vars = {
      "--cw-frame-w": `${challenge.frameWidth ?? DEFAULT_WIDTH}px`,
      "--cw-frame-h": `${challenge.frameHeight ?? DEFAULT_HEIGHT}px`,
    };
    return (
      <Modal title={t("threeDsTitle")} closeLabel={t("cancel")} onClose={onCancel} appearance={appearance} nonce={nonce} vars={vars}>
        <iframe class="cw-frame" name={frameName} title={t("threeDsFrame")} />
      </Modal>
    );
  }
}
