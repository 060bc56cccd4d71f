// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from "vitest";
import { afterPaint } from "./widget-root.ts";

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe("afterPaint", () => {
  it("runs the task once, a task after the next frame, and not again when the fallback timer comes", () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
    const task = vi.fn();
    afterPaint(task);
    frames[0]?.(0);
    expect(task).not.toHaveBeenCalled(); // a task after the frame, not in it
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("falls back to a timer where frames do not come (a background tab, no requestAnimationFrame)", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestAnimationFrame", undefined);
    const task = vi.fn();
    afterPaint(task);
    vi.advanceTimersByTime(99);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1); // the fallback: then a task
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("copes with a requestAnimationFrame that calls back at once", () => {
    vi.useFakeTimers();
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => {
      cb(0);
      return 1;
    });
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
    const task = vi.fn();
    expect(() => afterPaint(task)).not.toThrow();
    vi.advanceTimersByTime(200);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("cancelled, before or after the frame, never runs and leaves no timer", () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => frames.push(cb));
    vi.stubGlobal("cancelAnimationFrame", () => undefined);
    const early = vi.fn();
    afterPaint(early)();
    const late = vi.fn();
    const cancel = afterPaint(late);
    frames[1]?.(0);
    cancel();
    vi.advanceTimersByTime(500);
    expect(early).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });
});
