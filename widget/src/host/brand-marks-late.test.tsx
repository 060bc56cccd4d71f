// @vitest-environment jsdom
// The brands' path data comes with the late code: the form is drawn before it (empty tiles of the
// same size, the generic card in the number field) and draws the marks when it arrives.
import { act, cleanup, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it } from "vitest";
import type { CheckoutOptions } from "../shared/index.ts";
import { CheckoutView } from "./checkout-view.tsx";
import { loadLate, setLateSource } from "./late.ts";
import type { LateApi } from "./late.ts";
import { fakeController } from "./test-controller.ts";

const OPTIONS: CheckoutOptions = { publicId: "pk_test", endpoint: "/api", invoiceId: "1", amount: 10, currency: "RUB", language: "en" };

afterEach(cleanup);

describe("brand marks before and after the late code", () => {
  it("keeps the tiles empty until the late code brings the marks, then draws all nine", async () => {
    let arrive: (api: LateApi) => void = () => undefined;
    setLateSource(() => new Promise<LateApi>((resolve) => (arrive = resolve)));
    render(<CheckoutView options={OPTIONS} controller={fakeController()} />);
    const row = screen.getByRole("img", { name: /^Cards accepted: / });
    expect(row.querySelectorAll("svg")).toHaveLength(9);
    expect(row.querySelectorAll("path")).toHaveLength(0);
    // The number field shows the generic card meanwhile.
    const badge = document.querySelector(".cw-brand svg");
    expect(badge?.querySelectorAll("path")).toHaveLength(1);

    const loading = loadLate();
    const real = (await import("../late/index.ts")) as LateApi;
    await act(async () => {
      arrive(real);
      await loading;
    });
    const tiles = Array.from(row.querySelectorAll("svg"));
    expect(tiles.every((svg) => svg.querySelector("path") !== null)).toBe(true);
    // Мир's tile: its green lettering.
    expect((tiles[2]?.querySelector("path") as SVGPathElement | null)?.style.stroke).toBe("rgb(15, 117, 78)");
  });
});
