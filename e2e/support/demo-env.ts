// Where the e2e run's demo shop and sandbox listen; shared by playwright.config.ts and the specs.
// Away from the demo's defaults (8080/8600) so a running `npm run demo` does not collide.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 18080);
export const E2E_SANDBOX_PORT = Number(process.env.E2E_SANDBOX_PORT ?? 18600);
export const SHOP_URL = `http://127.0.0.1:${E2E_PORT}`;
export const SANDBOX_URL = `http://127.0.0.1:${E2E_SANDBOX_PORT}`;
