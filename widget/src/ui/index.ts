// Public face of widget/src/ui: Preact components that render the payment flow's state.
export { CardForm } from "./CardForm.tsx";
export type { CardFormProps } from "./CardForm.tsx";
export { Modal } from "./Modal.tsx";
export type { ModalProps } from "./Modal.tsx";
export { ThreeDsDialog } from "./ThreeDsDialog.tsx";
export type { ThreeDsDialogProps, ThreeDsState } from "./ThreeDsDialog.tsx";
export { ApprovedScreen, DeclinedScreen, FailedScreen } from "./ResultScreens.tsx";
export { acquireStyles, STYLES } from "./styles.ts";
export { elementOf, holdStyles, themeAttributes } from "./widget-root.ts";
export type { HeldStyles } from "./widget-root.ts";
