// Shown instead of the card form when the merchant's options are wrong: a shopper-safe sentence
// (i18n) and, for the integrator, what to fix. A shopper never gets a form that cannot pay.
import { useLayoutEffect, useRef } from "preact/hooks";
import { createTranslator, resolveLanguage } from "../i18n/index.ts";
import type { CheckoutOptions } from "../options.ts";
import { acquireStyles } from "../ui/index.ts";
import type { OptionProblem } from "./option-problems.ts";
import { describeProblem } from "./option-problems.ts";

export interface OptionsErrorBoxProps {
  problems: readonly OptionProblem[];
  options: Partial<CheckoutOptions> | undefined;
}

export function OptionsErrorBox({ problems, options }: OptionsErrorBoxProps) {
  const box = useRef<HTMLDivElement>(null);
  const nonce = typeof options?.nonce === "string" ? options.nonce : undefined;
  useLayoutEffect(() => (box.current ? acquireStyles(box.current.ownerDocument, nonce) : undefined), [nonce]);
  const language = typeof options?.language === "string" ? options.language : undefined;
  const t = createTranslator(resolveLanguage(language));
  return (
    <div ref={box} class="cw cw-config-error" role="alert" data-config-error="">
      <p class="cw-msg">{t("Error_Config")}</p>
      <ul class="cw-hint">
        {problems.map((problem) => (
          <li key={problem.option} data-option={problem.option}>
            {describeProblem(problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}
