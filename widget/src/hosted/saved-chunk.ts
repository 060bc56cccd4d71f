// How hosted mode loads its saved cards in the npm build (`checkout-widget/hosted`): a chunk of its
// own. The script-tag build puts saved-script.ts in this module's place (scripts/script-tag.ts).
import type * as HostedSavedModule from "../hosted-saved/index.ts";

export type HostedSavedApi = typeof HostedSavedModule;

export const loadHostedSaved = (): Promise<HostedSavedApi> => import("../hosted-saved/index.ts");
