// Public face of late/views: what the widget shows once a payment has an answer or a challenge.
export { ApprovedScreen, DeclinedScreen, maskedCard, PaidScreen } from "./result-screens.tsx";
export type { AnswerProps } from "./result-screens.tsx";
export { ThreeDsDialog } from "./three-ds-dialog.tsx";
export type { ThreeDsDialogProps, ThreeDsState } from "./three-ds-dialog.tsx";
export { AnswerView } from "./answer-view.tsx";
export type { AnswerViewProps } from "./answer-view.tsx";
