// Public face of shared/ui: what every widget root needs (stylesheet, ids, theme), the modal
// dialog and the result boxes, drawn by both files.
export { acquireStyles, extendStyles, scoped, STYLES } from "./styles.ts";
export { afterPaint, holdStyles, nextInstanceId, themeAttributes } from "./widget-root.ts";
export type { HeldStyles, ThemeAttributes } from "./widget-root.ts";
export { Modal } from "./modal.tsx";
export type { ModalProps } from "./modal.tsx";
export { ResultBox, RetryScreen } from "./result-box.tsx";
export type { RetryScreenProps } from "./result-box.tsx";
export { BrandMark, brandLabel, setBrandMarks } from "./brand-marks.tsx";
export type { BrandMarkProps, Mark, Part } from "./brand-marks.tsx";
