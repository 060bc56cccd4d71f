// An accessible modal dialog: labelled by its visible title, focus moved in and kept in,
// Escape or the close button closes it, and focus goes back to where it was on close.
import { Component, createRef } from "preact";
import type { ComponentChildren, RefObject } from "preact";
import type { Appearance } from "../options.ts";
import { holdStyles, nextInstanceId, themeAttributes } from "./widget-root.ts";
import type { HeldStyles } from "./widget-root.ts";

export interface ModalProps {
  /** Visible heading; also the dialog's accessible name. */
  title: string;
  /** Text of the visible close button (e.g. "Close", "Cancel"). */
  closeLabel: string;
  /** Escape, the close button: the owner decides whether to unmount the dialog. */
  onClose: () => void;
  appearance?: Appearance;
  /** CSP nonce for the injected stylesheet. */
  nonce?: string;
  /** Extra custom properties on the dialog box (set through CSSOM). */
  vars?: Record<string, string>;
  children?: ComponentChildren;
}

const FOCUSABLE = 'a[href],button:not([disabled]),input:not([disabled]),select:not([disabled]),textarea:not([disabled]),iframe,[tabindex]:not([tabindex="-1"])';

function focusables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => !el.closest("[hidden]"));
}

const locks = new WeakMap<Document, { count: number; overflow: string }>();

/** Stops the page scrolling behind dialogs; the last of several open dialogs to close restores it. */
function lockScroll(doc: Document): () => void {
  const html = doc.documentElement;
  const lock = locks.get(doc) ?? { count: 0, overflow: html.style.overflow };
  if (lock.count++ === 0) {
    locks.set(doc, lock);
    html.style.overflow = "hidden";
  }
  return () => {
    if (--lock.count > 0) return;
    html.style.overflow = lock.overflow;
    locks.delete(doc);
  };
}

export class Modal extends Component<ModalProps> {
  // Field initializers stay literals (see class-fields.test.ts); the rest is set here.
  readonly #id: string;
  readonly #dialog: RefObject<HTMLDivElement>;
  /** Focus before the dialog opened, taken before anything inside it mounts (and may take focus). */
  readonly #opener: Element | null;
  #styles: HeldStyles | undefined;
  #restore: (() => void) | undefined;

  constructor(props: ModalProps) {
    super(props);
    this.#id = nextInstanceId();
    this.#dialog = createRef();
    this.#opener = typeof document === "undefined" ? null : document.activeElement;
  }

  override componentDidMount(): void {
    const box = this.#dialog.current;
    this.#styles = holdStyles(box, this.props.nonce);
    if (!box) return;
    const doc = box.ownerDocument;
    // The constructor saw the global document; a widget in another document asks its own.
    let opener = this.#opener;
    if (opener?.ownerDocument !== doc) opener = box.contains(doc.activeElement) ? null : doc.activeElement;
    const unlock = lockScroll(doc);
    // Content that took focus as it mounted (a result screen) keeps it; otherwise the dialog takes it.
    if (!box.contains(doc.activeElement)) box.focus();
    // Focus that escapes (a click outside, Tab out of an iframe) is brought back in.
    const onFocusIn = (event: FocusEvent) => {
      if (event.target instanceof Node && !box.contains(event.target)) box.focus();
    };
    doc.addEventListener("focusin", onFocusIn);
    this.#restore = () => {
      doc.removeEventListener("focusin", onFocusIn);
      unlock();
      // Once the whole commit is done: dialogs closing together (3-D Secure over open()'s form)
      // unmount outer first, and an opener inside a dialog that went with it is no longer there.
      queueMicrotask(() => {
        const target = opener as HTMLElement | null;
        if (target?.isConnected && typeof target.focus === "function") target.focus();
      });
    };
  }

  override componentDidUpdate(): void {
    this.#styles = holdStyles(this.#dialog.current, this.props.nonce, this.#styles);
  }

  override componentWillUnmount(): void {
    this.#restore?.();
    this.#styles?.release();
  }

  readonly #onKeyDown = (event: KeyboardEvent) => {
    const box = this.#dialog.current;
    if (!box) return;
    if (event.key !== "Escape" && event.key !== "Tab") return;
    // A dialog inside a dialog (3-D Secure over open()'s form) handles its keys alone.
    event.stopPropagation();
    if (event.key === "Escape") {
      this.props.onClose();
      return;
    }
    const items = focusables(box);
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    const active = box.ownerDocument.activeElement;
    if (event.shiftKey && (active === first || active === box)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  };

  override render({ title, closeLabel, appearance, vars, children }: ModalProps) {
    const id = this.#id;
    return (
      <div class="cw-overlay">
        <div
          ref={this.#dialog}
          class="cw cw-dialog"
          role="dialog"
          aria-modal="true"
          aria-labelledby={`${id}-title`}
          tabIndex={-1}
          onKeyDown={this.#onKeyDown}
          {...themeAttributes(appearance, vars)}
        >
          <div class="cw-head">
            <h2 id={`${id}-title`}>{title}</h2>
            <button type="button" class="cw-btn cw-alt" onClick={() => this.props.onClose()}>
              {closeLabel}
            </button>
          </div>
          {children}
        </div>
      </div>
    );
  }
}
