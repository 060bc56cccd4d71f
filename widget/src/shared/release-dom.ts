// What the widget does to the elements it takes off the page. A page script may still hold one of
// them (a focus tracker, an analytics tag, a framework's ref), and through it must reach no card
// data: Preact keeps an element's event handlers on the element itself, and a handler reaches its
// component and the form's values. So each element loses that table, and each input its value.

/** Preact's property for an element's handlers (`_listeners`): mangled to `l` in Preact 10's
 * build, to `__e` in Preact 11's (preact is a peer: the shop's copy may be either). */
const PREACT_HANDLERS = ["l", "__e"] as const;

/** Empties `root` and everything in it; call it as the widget removes them (componentWillUnmount). */
export function releaseDom(root: Element | null | undefined): void {
  if (!root) return;
  for (const element of [root, ...Array.from(root.querySelectorAll("*"))]) {
    if (element.localName === "input" || element.localName === "textarea") (element as HTMLInputElement).value = "";
    for (const name of PREACT_HANDLERS) delete (element as unknown as Record<string, unknown>)[name];
  }
}
