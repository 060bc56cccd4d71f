// What the host draws once a payment has an answer or a challenge, from the widget's options: the
// approved, paid and declined screens, and the 3-D Secure dialog (iframe mode). Late code (these
// states exist only once the late code has run the payment), so the critical path carries one
// element for all of them rather than each screen's props.
import { resolveLanguage } from "../../shared/index.ts";
import type { CheckoutOptions, PaymentController, PaymentState } from "../../shared/index.ts";
import { ApprovedScreen, DeclinedScreen, PaidScreen } from "./result-screens.tsx";
import { ThreeDsDialog } from "./three-ds-dialog.tsx";

export interface AnswerViewProps {
  state: PaymentState;
  options: CheckoutOptions;
  controller: PaymentController;
  /** Declined: the same card again (back to the form, the CVC to type again), or another (`other`: the host empties its form first). */
  onDeclined: (other: boolean) => void;
}

export function AnswerView({ state, options, controller, onDeclined }: AnswerViewProps) {
  const lang = resolveLanguage(options.language);
  const { texts } = options;
  switch (state.kind) {
    case "approved":
      return <ApprovedScreen state={state} lang={lang} texts={texts} invoiceId={options.invoiceId} shopUrl={options.shopUrl} />;
    case "paid":
      return <PaidScreen state={state} lang={lang} texts={texts} />;
    case "declined":
      return <DeclinedScreen state={state} lang={lang} texts={texts} onRetry={() => onDeclined(false)} onOtherCard={() => onDeclined(true)} />;
    case "threeDs":
      return state.mode === "iframe" ? (
        <ThreeDsDialog
          state={state}
          lang={lang}
          texts={texts}
          onCancel={() => controller.cancelThreeDs()}
          onFrame={(frame) => controller.attachThreeDsFrame(frame)}
          appearance={options.appearance}
          nonce={options.nonce}
        />
      ) : null;
    default:
      return null;
  }
}
