// `DELETE {endpoint}/saved-cards/{id}` (docs/endpoint-contract.md "Saved cards"): 204 removed, 404
// not this shopper's card (gone already: the list drops it too), anything else (502: the gateway
// could not remove it, or no answer) keeps it listed.
export type RemoveResult = "removed" | "kept";

export async function removeSavedCard(endpoint: string, id: string, fetchFn: typeof fetch = (input, init) => fetch(input, init)): Promise<RemoveResult> {
  try {
    const answer = await fetchFn(`${endpoint.replace(/\/+$/, "")}/saved-cards/${encodeURIComponent(id)}`, { method: "DELETE", credentials: "include" });
    // Read to the end: an unread answer keeps its request open in the browser.
    await answer.text();
    return answer.ok || answer.status === 404 ? "removed" : "kept";
  } catch {
    return "kept";
  }
}
