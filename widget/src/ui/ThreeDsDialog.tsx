// 3-D Secure in iframe mode: the bank's page in a named frame inside a modal dialog.
import { useEffect, useRef } from "preact/hooks";
import type { Translator } from "../i18n/index.ts";
import type { Appearance } from "../options.ts";
import { postToAcs } from "../payment/index.ts";
import type { PaymentState } from "../payment/index.ts";
import { Modal } from "./Modal.tsx";

export type ThreeDsState = Extract<PaymentState, { kind: "threeDs" }>;

export interface ThreeDsDialogProps {
  state: ThreeDsState;
  t: Translator;
  /** The shopper closed the dialog (Cancel or Escape). */
  onCancel: () => void;
  appearance?: Appearance;
  nonce?: string;
}

/** The ACS page size when the gateway does not say (the gateway's documented minimum is 500×500). */
const DEFAULT_WIDTH = 500;
const DEFAULT_HEIGHT = 600;

export function ThreeDsDialog({ state, t, onCancel, appearance, nonce }: ThreeDsDialogProps) {
  const frame = useRef<HTMLIFrameElement>(null);
  const { challenge, frameName } = state;

  // The form can target the frame only once the named iframe is in the document.
  useEffect(() => {
    const el = frame.current;
    if (el) postToAcs(challenge, frameName, el.ownerDocument);
  }, [challenge, frameName]);

  const vars = {
    "--cw-frame-w": `${challenge.frameWidth ?? DEFAULT_WIDTH}px`,
    "--cw-frame-h": `${challenge.frameHeight ?? DEFAULT_HEIGHT}px`,
  };
  return (
    <Modal title={t("threeDsTitle")} closeLabel={t("cancel")} onClose={onCancel} appearance={appearance} nonce={nonce} vars={vars}>
      <iframe ref={frame} class="cw-frame" name={frameName} title={t("threeDsFrame")} />
    </Modal>
  );
}
