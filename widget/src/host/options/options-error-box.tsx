// Shown instead of the card form when the merchant's options are wrong: one short shopper-safe
// sentence in the shopper's language. What to fix is the integrator's, in the console
// (reportOptions), never in English on the shopper's screen. A shopper never gets a form that cannot pay.
import { Component } from "preact";
import type { RefObject } from "preact";
import { createTranslator, holdStyles, resolveLanguage } from "../../shared/index.ts";
import type { CheckoutOptions, HeldStyles } from "../../shared/index.ts";
import type { OptionProblem } from "./option-problems.ts";

export interface OptionsErrorBoxProps {
  problems: readonly OptionProblem[];
  options: Partial<CheckoutOptions> | undefined;
}

function nonceOf(options: Partial<CheckoutOptions> | undefined): string | undefined {
  return typeof options?.nonce === "string" ? options.nonce : undefined;
}

export class OptionsErrorBox extends Component<OptionsErrorBoxProps> {
  #styles: HeldStyles | undefined;
  readonly #box: RefObject<HTMLDivElement> = { current: null }; // not createRef(): Safari 15 (class-fields.test.ts)

  override componentDidMount(): void {
    this.#styles = holdStyles(this.#box.current, nonceOf(this.props.options));
  }

  override componentDidUpdate(): void {
    this.#styles = holdStyles(this.#box.current, nonceOf(this.props.options), this.#styles);
  }

  override componentWillUnmount(): void {
    this.#styles?.release();
  }

  override render({ problems, options }: OptionsErrorBoxProps) {
    const language = typeof options?.language === "string" ? options.language : undefined;
    const t = createTranslator(resolveLanguage(language));
    // The options named, for the integrator's devtools (names only, never a value).
    return (
      <div class="cw cw-config-error" role="alert" data-config-error={problems.map((problem) => problem.option).join(" ")} ref={this.#box}>
        <p class="cw-msg">{t("Error_Config")}</p>
      </div>
    );
  }
}
