// Hosted mode's saved cards, the HostedSavedApi: dist/checkout-widget-hosted-saved.js for the
// script tag (it borrows preact and the stylesheet from checkout-widget-hosted.js), a chunk of
// `checkout-widget/hosted` for bundlers. Loaded only when `{endpoint}/saved-cards` listed cards or
// `canSave`.
import { setBrandMarks } from "../shared/ui/brand-marks.tsx";
import { BRAND_MARKS } from "../late/brand-marks.ts";

// The list's brand marks: the card family gets them with its late file, which hosted mode never loads.
// (brand-marks.tsx itself, not shared/index.ts: through the index the hosted file's modules came out
// in another order, 46 B more gzipped.)
setBrandMarks(BRAND_MARKS);

export { savedCardsFor } from "./hosted-saved-panel.tsx";
