// The shell of the sandbox's HTML pages (ACS, order link). No inline script or style, so the
// pages work under a strict Content-Security-Policy of their own and of a framing shop.
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

export interface PageParts {
  lang: string;
  title: string;
  /** Already escaped HTML. */
  body: string;
  /** Extra <head> markup, already escaped. */
  head?: string;
}

export function renderPage(parts: PageParts): string {
  return `<!doctype html>
<html lang="${escapeHtml(parts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(parts.title)}</title>
<link rel="stylesheet" href="/acs/acs.css">
${parts.head ?? ""}
</head>
<body>
${parts.body}
</body>
</html>`;
}

/** Headers for every sandbox HTML page: framable by any shop, no inline code, nothing cached. */
export const PAGE_HEADERS: Record<string, string> = {
  "Content-Type": "text/html; charset=utf-8",
  "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; base-uri 'none'; frame-ancestors *",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "no-referrer",
  "Cache-Control": "no-store",
};
