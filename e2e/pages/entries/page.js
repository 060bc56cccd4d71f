// Wiring for the entry pages (an external file: the pages' CSP allows no inline script).
// Records widget events and CSP violations on window for the spec to read.
window.__events = [];
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
for (const type of ["checkout-success", "checkout-fail", "checkout-complete"]) {
  document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
}

const OPTIONS = {
  publicId: "pk_e2e_entries",
  publicKeyUrl: "/key",
  endpoint: "/api",
  invoiceId: "E2E-1",
  amount: 15,
  currency: "USD",
  language: "en",
  nonce: "e2e-style-nonce",
  onSuccess: (detail) => window.__events.push({ type: "onSuccess", detail }),
};

const entry = document.body.dataset.entry;
if (entry === "global") {
  window.__handle = window.CheckoutWidget.mount("#checkout", OPTIONS);
} else if (entry === "modal") {
  document.getElementById("buy").addEventListener("click", () => {
    window.__modal = window.CheckoutWidget.open(OPTIONS);
  });
} else if (entry === "cp") {
  const form = document.getElementById("merchant-form");
  const output = document.getElementById("output");
  const checkout = new window.cp.Checkout({ publicId: OPTIONS.publicId, container: form, publicKeyUrl: "/key" });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    checkout.createPaymentCryptogram().then(
      (cryptogram) =>
        fetch("/api/pay", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({ cryptogram, invoiceId: "E2E-CP", name: "IVAN PETROV" }),
        })
          .then((response) => response.json()) // read it: an unread body keeps Playwright's response.body() waiting
          .then(() => {
            output.textContent = "sent";
          }),
      (errors) => {
        output.textContent = JSON.stringify(errors);
      },
    );
  });
}
