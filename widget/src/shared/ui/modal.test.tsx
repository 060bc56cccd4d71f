// @vitest-environment jsdom
import { act, cleanup, render, screen } from "@testing-library/preact";
import userEvent from "@testing-library/user-event";
import { Component, createRef, render as preactRender } from "preact";
import type { ComponentChildren } from "preact";
import { useState } from "preact/hooks";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Modal } from "./index.ts";

afterEach(cleanup);

/** A shop page with an Open button; `content` fills the dialog (given a way to close it). */
function Page({ content }: { content?: (close: () => void) => ComponentChildren }) {
  const [open, setOpen] = useState(false);
  return (
    <div>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      <button type="button">Elsewhere</button>
      {open && (
        <Modal title="Card payment" closeLabel="Close" onClose={() => setOpen(false)} appearance={{ theme: "dark" }}>
          {content ? (
            content(() => setOpen(false))
          ) : (
            <>
              <input aria-label="First" />
              <input aria-label="Last" />
            </>
          )}
        </Modal>
      )}
    </div>
  );
}

async function openDialog(content?: (close: () => void) => ComponentChildren) {
  const user = userEvent.setup();
  render(<Page content={content} />);
  const opener = screen.getByRole("button", { name: "Open" });
  await user.click(opener);
  return { user, opener, dialog: screen.getByRole("dialog", { name: "Card payment" }) };
}

describe("Modal", () => {
  it("is a labelled modal dialog that takes focus", async () => {
    const { dialog } = await openDialog();
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(document.activeElement).toBe(dialog);
    expect(dialog.getAttribute("data-theme")).toBe("dark");
    expect(document.documentElement.style.overflow).toBe("hidden");
  });

  it("keeps Tab and Shift+Tab inside", async () => {
    const { user } = await openDialog();
    const close = screen.getByRole("button", { name: "Close" });
    const first = screen.getByLabelText("First");
    const last = screen.getByLabelText("Last");
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab();
    await user.tab();
    expect(document.activeElement).toBe(last);
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
    expect(first).toBeTruthy();
  });

  it("brings focus back when it lands outside", async () => {
    const { dialog } = await openDialog();
    screen.getByRole("button", { name: "Elsewhere" }).focus();
    expect(document.activeElement).toBe(dialog);
  });

  it("closes on Escape and returns focus to the opener", async () => {
    const { user, opener } = await openDialog();
    await user.click(screen.getByLabelText("First"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
    expect(document.documentElement.style.overflow).toBe("");
  });

  it("closes with its visible button", async () => {
    const { user, opener } = await openDialog();
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("leaves focus on content that took it as it mounted (a result screen), and still returns it on close", async () => {
    class TakesFocus extends Component {
      readonly button = createRef<HTMLButtonElement>();
      override componentDidMount() {
        this.button.current?.focus();
      }
      override render() {
        return (
          <button type="button" ref={this.button}>
            Result
          </button>
        );
      }
    }
    const { user, opener } = await openDialog(() => <TakesFocus />);
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Result" }));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it("two dialogs closing together (3-D Secure over open()'s form) unlock scrolling and return focus to the opener", async () => {
    // The 3-D Secure dialog opens later, over the form; its Escape closes both (the owner unmounts the outer).
    function PayThenChallenge({ close }: { close: () => void }) {
      const [challenge, setChallenge] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setChallenge(true)}>
            Pay
          </button>
          {challenge && (
            <Modal title="Inner" closeLabel="Cancel" onClose={close}>
              <input aria-label="Inner field" />
            </Modal>
          )}
        </>
      );
    }
    const { user, opener } = await openDialog((close) => <PayThenChallenge close={close} />);
    await user.click(screen.getByRole("button", { name: "Pay" }));
    expect(document.documentElement.style.overflow).toBe("hidden");
    await user.click(screen.getByLabelText("Inner field"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.documentElement.style.overflow).toBe("");
    expect(document.activeElement).toBe(opener);
  });

  it("in another document (a same-origin frame), returns focus to that document's opener", async () => {
    const frame = document.createElement("iframe");
    document.body.append(frame);
    const doc = frame.contentDocument!;
    const opener = doc.createElement("button");
    doc.body.append(opener);
    const host = doc.createElement("div");
    doc.body.append(host);
    opener.focus();
    const close = vi.fn();
    act(() => preactRender(<Modal title="Card payment" closeLabel="Close" onClose={close} />, host));
    expect(doc.activeElement?.getAttribute("role")).toBe("dialog");
    act(() => preactRender(null, host));
    await Promise.resolve();
    expect(doc.activeElement).toBe(opener);
    frame.remove();
  });

  it("closes only the inner dialog of two on Escape", async () => {
    const user = userEvent.setup();
    let outerClosed = 0;
    function Nested() {
      const [inner, setInner] = useState(true);
      return (
        <Modal title="Outer" closeLabel="Close" onClose={() => outerClosed++}>
          <input aria-label="Outer field" />
          {inner && (
            <Modal title="Inner" closeLabel="Cancel" onClose={() => setInner(false)}>
              <input aria-label="Inner field" />
            </Modal>
          )}
        </Modal>
      );
    }
    render(<Nested />);
    await user.click(screen.getByLabelText("Inner field"));
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog", { name: "Inner" })).toBeNull();
    expect(screen.getByRole("dialog", { name: "Outer" })).toBeTruthy();
    expect(outerClosed).toBe(0);
  });
});
