// Views shown only once a payment has an answer or a 3-D Secure challenge: the script-tag build
// leaves them to the crypto chunk (LATE_MODULES in scripts/bundle-modules.ts), which renders them with the
// main bundle's preact; elsewhere this is an ordinary import.
export { ApprovedScreen, DeclinedScreen, declinedText } from "./ResultScreens.tsx";
export { ThreeDsDialog } from "./ThreeDsDialog.tsx";
