// The browser facts a 3-D Secure 2 server asks for, as CloudPayments' BrowserInfoBase64 carries them.
import { utf8ToBase64 } from "./base64.ts";

export interface BrowserInfo {
  AcceptHeader: string;
  JavaEnabled: boolean;
  JavaScriptEnabled: boolean;
  Language: string;
  ColorDepth: number;
  Height: number;
  Width: number;
  TimeZone: number; // minutes, UTC minus local (Date#getTimezoneOffset), the EMV 3DS sign convention
  UserAgent: string;
}

// Page script cannot read the request's Accept header; this is what browsers send for a page.
const NAVIGATION_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

/** The facts of the current browser, or null outside one. */
export function collectBrowserInfo(): BrowserInfo | null {
  if (typeof window === "undefined") return null;
  const nav = window.navigator;
  const screen = window.screen;
  return {
    AcceptHeader: NAVIGATION_ACCEPT,
    JavaEnabled: typeof nav.javaEnabled === "function" ? nav.javaEnabled() : false,
    JavaScriptEnabled: true,
    Language: nav.language ?? "",
    ColorDepth: screen?.colorDepth ?? 0,
    Height: screen?.height ?? 0,
    Width: screen?.width ?? 0,
    TimeZone: new Date().getTimezoneOffset(),
    UserAgent: nav.userAgent ?? "",
  };
}

/** base64 of the JSON browser facts; "" outside a browser. */
export function browserInfoBase64(): string {
  const info = collectBrowserInfo();
  return info === null ? "" : utf8ToBase64(JSON.stringify(info));
}
