// The widget: renders the payment controller's state (form, 3-D Secure dialog, results) and
// hands the card to controller.submit. One live region, always present, speaks for all of it.
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { cardDigits, detectBrand } from "../card/index.ts";
import { createTranslator, formatAmount, resolveLanguage } from "../i18n/index.ts";
import type { Translator } from "../i18n/index.ts";
import type { ChangePayload, CheckoutOptions } from "../options.ts";
import type { CardInput, PaymentController, PaymentState } from "../payment/index.ts";
import { CardFields, EMPTY_VALUES, formErrors } from "./CardFields.tsx";
import type { FieldErrors, FieldKey, FieldValues } from "./CardFields.tsx";
import { ApprovedScreen, DeclinedScreen, ThreeDsDialog, declinedText } from "./late-views.ts";
import { FailedScreen, failedText } from "./ResultScreens.tsx";
import { themeAttributes, useInstanceId, useStyles } from "./widget-root.ts";

export interface CardFormProps {
  options: CheckoutOptions;
  /** The payment flow (createPaymentController); a test may pass a fake. */
  controller: PaymentController;
}

function statusText(state: PaymentState, t: Translator, options: CheckoutOptions): string {
  switch (state.kind) {
    case "idle":
      return "";
    case "submitting":
      return t("Status_Submitting");
    case "threeDs":
      return t(state.mode === "iframe" ? "Status_ThreeDs" : "Status_Redirect");
    case "approved":
      return t("Status_Approved");
    case "declined":
      return t("Status_Declined", { message: declinedText(state, t, options.texts) });
    case "failed":
      return t("Status_Failed", { message: failedText(state, t) });
  }
}

export function CardForm({ options, controller }: CardFormProps) {
  const root = useRef<HTMLDivElement>(null);
  const id = useInstanceId();
  useStyles(root, options.nonce);

  const lang = useMemo(() => resolveLanguage(options.language), [options.language]);
  const t = useMemo(() => createTranslator(lang, options.texts), [lang, options.texts]);

  const [state, setState] = useState<PaymentState>(() => controller.getState());
  useEffect(() => {
    setState(controller.getState());
    return controller.subscribe(setState);
  }, [controller]);

  const [values, setValues] = useState<FieldValues>(() => ({ ...EMPTY_VALUES, email: options.email ?? "" }));
  const latestValues = useRef(values);
  latestValues.current = values;
  const [status, setStatus] = useState("");
  // The same text twice would not be spoken again; a trailing no-break space makes it new.
  const announce = (text: string) => setStatus((prev) => (prev === text ? `${text}\u00a0` : text));

  // Between the click and the controller's "submitting", a second click must not pay again.
  const pending = useRef(false);
  const [pendingView, setPendingView] = useState(false);
  const previous = useRef(state.kind);

  useEffect(() => {
    const text = statusText(state, t, options);
    if (text) announce(text);
    // Card data is kept no longer than it can be useful: gone after success, CVC gone after a decline.
    if (state.kind === "approved") setValues((v) => ({ ...EMPTY_VALUES, email: v.email }));
    if (state.kind === "declined") setValues((v) => ({ ...v, cvv: "" }));
  }, [state]);
  const backFromResult = previous.current === "declined" || previous.current === "failed";
  useEffect(() => {
    previous.current = state.kind;
  });

  useEffect(() => {
    options.onReady?.();
  }, []);

  // A page's first Intl.NumberFormat costs Chromium 30-90 ms (ICU start-up): the form is usable
  // first, and the amount joins the button label a task later.
  const [amountText, setAmountText] = useState("");
  useEffect(() => {
    const timer = setTimeout(() => setAmountText(formatAmount(options.amount, options.currency, lang)), 0);
    return () => clearTimeout(timer);
  }, [options.amount, options.currency, lang]);

  const fields: FieldKey[] = ["cardNumber", "expDateMonthYear", "cvv", "name"];
  if (options.requireEmail) fields.push("email");
  const lastChange = useRef("");
  const reportChange = (next: FieldValues, shown: FieldErrors) => {
    if (!options.onChange) return;
    const change: ChangePayload = {
      brand: detectBrand(next.cardNumber),
      complete: Object.keys(formErrors(fields, next)).length === 0,
      errors: shown as Record<string, string>,
    };
    const key = JSON.stringify(change);
    if (key === lastChange.current) return;
    lastChange.current = key;
    options.onChange(change);
  };
  const shownErrors = useRef<FieldErrors>({});

  function pay(v: FieldValues) {
    if (pending.current || controller.getState().kind !== "idle") return;
    pending.current = true;
    setPendingView(true);
    const card: CardInput = {
      cardNumber: cardDigits(v.cardNumber),
      expDateMonthYear: v.expDateMonthYear,
      cvv: v.cvv,
      // Shown in capitals (as embossed on cards), so sent that way too.
      name: v.name.trim().toUpperCase(),
    };
    if (options.requireEmail) card.email = v.email.trim();
    void controller.submit(card).finally(() => {
      pending.current = false;
      setPendingView(false);
    });
  }

  let screen;
  if (state.kind === "approved") screen = <ApprovedScreen state={state} t={t} />;
  else if (state.kind === "declined")
    screen = <DeclinedScreen state={state} t={t} texts={options.texts} onRetry={() => void controller.retry()} />;
  else if (state.kind === "failed") screen = <FailedScreen state={state} t={t} onRetry={() => void controller.retry()} />;
  else
    screen = (
      <CardFields
        id={id}
        t={t}
        values={values}
        onValues={(next) => {
          latestValues.current = next;
          setValues(next);
          reportChange(next, shownErrors.current);
        }}
        onErrors={(errs) => {
          shownErrors.current = errs;
          reportChange(latestValues.current, errs);
        }}
        requireEmail={Boolean(options.requireEmail)}
        payLabel={t("pay", { amount: amountText }).trim()}
        busy={pendingView || state.kind !== "idle"}
        onPay={pay}
        announce={announce}
        autoFocus={backFromResult}
      />
    );

  return (
    <div ref={root} class="cw" lang={lang} {...themeAttributes(options.appearance)}>
      {screen}
      {state.kind === "threeDs" && state.mode === "iframe" && (
        <ThreeDsDialog
          state={state}
          t={t}
          onCancel={() => controller.cancelThreeDs()}
          appearance={options.appearance}
          nonce={options.nonce}
        />
      )}
      <div class="cw-sr" role="status" aria-live="polite" aria-atomic="true">
        {status}
      </div>
    </div>
  );
}
