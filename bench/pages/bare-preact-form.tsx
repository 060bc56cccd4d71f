// The floor for any script-tag widget: Preact rendering the same four inputs and button as the
// widget's card form, and nothing else (no validation, no styles, no texts). The bench bundles it
// with the script-tag build's settings and loads it the way it loads checkout-widget.js.
import { Component, render } from "preact";

class BareForm extends Component<object, { number: string; expiry: string; cvc: string; name: string }> {
  override state = { number: "", expiry: "", cvc: "", name: "" };

  override render() {
    const { number, expiry, cvc, name } = this.state;
    return (
      <form noValidate onSubmit={(event) => event.preventDefault()}>
        <label for="n">Card number</label>
        <input id="n" inputmode="numeric" autocomplete="cc-number" value={number} onInput={(e) => this.setState({ number: e.currentTarget.value })} />
        <label for="e">Expiry date</label>
        <input id="e" inputmode="numeric" autocomplete="cc-exp" value={expiry} onInput={(e) => this.setState({ expiry: e.currentTarget.value })} />
        <label for="c">CVC</label>
        <input id="c" inputmode="numeric" autocomplete="cc-csc" value={cvc} onInput={(e) => this.setState({ cvc: e.currentTarget.value })} />
        <label for="h">Name on card</label>
        <input id="h" autocomplete="cc-name" value={name} onInput={(e) => this.setState({ name: e.currentTarget.value })} />
        <button type="submit">Pay</button>
      </form>
    );
  }
}

const host = document.getElementById("checkout");
if (host) render(<BareForm />, host);
