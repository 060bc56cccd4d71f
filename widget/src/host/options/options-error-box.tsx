// Shown instead of the card form when the merchant's options are wrong: a shopper-safe sentence
// (i18n) and, for the integrator, what to fix. A shopper never gets a form that cannot pay.
import { Component } from "preact";
import { createTranslator, elementOf, holdStyles, resolveLanguage } from "../../shared/index.ts";
import type { CheckoutOptions, HeldStyles } from "../../shared/index.ts";
import type { OptionProblem } from "./option-problems.ts";
import { describeProblem } from "./option-problems.ts";

export interface OptionsErrorBoxProps {
  problems: readonly OptionProblem[];
  options: Partial<CheckoutOptions> | undefined;
}

function nonceOf(options: Partial<CheckoutOptions> | undefined): string | undefined {
  return typeof options?.nonce === "string" ? options.nonce : undefined;
}

export class OptionsErrorBox extends Component<OptionsErrorBoxProps> {
  #styles: HeldStyles | undefined;

  override componentDidMount(): void {
    this.#styles = holdStyles(elementOf(this), nonceOf(this.props.options));
  }

  override componentDidUpdate(): void {
    this.#styles = holdStyles(elementOf(this), nonceOf(this.props.options), this.#styles);
  }

  override componentWillUnmount(): void {
    this.#styles?.release();
  }

  override render({ problems, options }: OptionsErrorBoxProps) {
    const language = typeof options?.language === "string" ? options.language : undefined;
    const t = createTranslator(resolveLanguage(language));
    return (
      <div class="cw cw-config-error" role="alert" data-config-error="">
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
}
