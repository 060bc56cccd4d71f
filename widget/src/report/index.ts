// The options report's one public face (the ReportApi): what the console says about wrong or
// unknown options, reached through host/pieces.ts only when there is something to say.
export { reportOptions } from "./option-report.ts";
