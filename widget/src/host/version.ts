// The package version lives in shared/ (hosted mode reports it too).
export { version } from "../shared/version.ts";
