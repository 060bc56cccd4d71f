import { describe, expect, it } from "vitest";
import { PayFaults } from "./pay-faults.ts";

describe("PayFaults", () => {
  it("fails only the armed invoice, as many times as armed", () => {
    const faults = new PayFaults();
    faults.arm("A-1", "after", 2);
    expect(faults.take("B-2")).toBeUndefined();
    expect(faults.take("A-1")).toBe("after");
    expect(faults.take("A-1")).toBe("after");
    expect(faults.take("A-1")).toBeUndefined();
    expect(faults.armedCount).toBe(0);
  });

  it("ignores requests without an invoice", () => {
    const faults = new PayFaults();
    faults.arm("A-1", "before");
    expect(faults.take(undefined)).toBeUndefined();
    expect(faults.take("A-1")).toBe("before");
  });
});
