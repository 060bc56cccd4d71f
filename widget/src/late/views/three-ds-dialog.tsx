// 3-D Secure in iframe mode: the bank's page in a named frame inside a modal dialog.
import { Component } from "preact";
import type { RefObject } from "preact";
import { Modal } from "../../shared/index.ts";
import type { Appearance, PaymentState } from "../../shared/index.ts";
import { createLateTranslator } from "../i18n/index.ts";
import { postToAcs } from "../payment/index.ts";
import { addLateStyles } from "./late-styles.ts";
import type { AnswerProps } from "./result-screens.tsx";

export type ThreeDsState = Extract<PaymentState, { kind: "threeDs" }>;

export interface ThreeDsDialogProps extends AnswerProps<ThreeDsState> {
  /** The shopper closed the dialog (Cancel or Escape). */
  onCancel: () => void;
  /** The frame's window, once it is in the document: the only one whose result counts. */
  onFrame: (frame: Window) => void;
  appearance?: Appearance | undefined;
  nonce?: string | undefined;
}

/** The ACS page size when the gateway does not say (the gateway's documented minimum is 500×500). */
const DEFAULT_WIDTH = 500;
const DEFAULT_HEIGHT = 600;

/** True once the frame shows a page of its own (the bank's), not the empty one it starts with. */
function showsPage(frame: HTMLIFrameElement): boolean {
  try {
    const href = frame.contentWindow?.location.href;
    return href !== undefined && href !== "about:blank";
  } catch {
    return true; // another origin's page: the bank's
  }
}

export class ThreeDsDialog extends Component<ThreeDsDialogProps, { loaded: boolean }> {
  readonly #frame: RefObject<HTMLIFrameElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  constructor(props: ThreeDsDialogProps) {
    super(props);
    addLateStyles();
    this.state = { loaded: false };
  }

  // The form can target the frame only once the named iframe is in the document.
  override componentDidMount(): void {
    this.#post();
  }

  override componentDidUpdate(previous: ThreeDsDialogProps): void {
    if (previous.state.challenge !== this.props.state.challenge || previous.state.frameName !== this.props.state.frameName) this.#post();
  }


  #post = (): void => {
    const el = this.#frame.current;
    if (!el) return;
    if (this.state.loaded) this.setState({ loaded: false });
    if (el.contentWindow) this.props.onFrame(el.contentWindow);
    postToAcs(this.props.state.challenge, this.props.state.frameName, el.ownerDocument);
  };

  // Until the bank's page is there the frame is blank: a spinner covers it. Then focus goes into
  // the frame, so the keyboard is on the bank's page (its code field, if the page focuses it).
  #loaded = (): void => {
    const el = this.#frame.current;
    if (!el || this.state.loaded || !showsPage(el)) return;
    this.setState({ loaded: true });
    el.focus();
  };

  override render({ state: { challenge, frameName }, lang, texts, onCancel, appearance, nonce }: ThreeDsDialogProps) {
    const t = createLateTranslator(lang, texts);
    const vars = {
      "--cw-frame-w": `${challenge.frameWidth ?? DEFAULT_WIDTH}px`,
      "--cw-frame-h": `${challenge.frameHeight ?? DEFAULT_HEIGHT}px`,
    };
    return (
      <Modal title={t("threeDsTitle")} closeLabel={t("cancel")} onClose={onCancel} appearance={appearance} nonce={nonce} vars={vars}>
        <div class="cw-frames">
          <iframe class="cw-frame" name={frameName} title={t("threeDsFrame")} onLoad={this.#loaded} ref={this.#frame} />
          {!this.state.loaded && (
            <div class="cw-loading" aria-hidden="true">
              <span class="cw-spin" />
              {t("threeDsLoading")}
            </div>
          )}
        </div>
      </Modal>
    );
  }
}
