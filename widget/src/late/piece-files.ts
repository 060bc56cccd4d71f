// The files of the pieces the late code loads (pieces.ts), for it and for the build: each
// registers on a private global named as its file.
export const SAVED_FILE = "checkout-widget-saved.js";
export const REPORT_FILE = "checkout-widget-report.js";
