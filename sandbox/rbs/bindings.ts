// Bindings: a client's saved card, made by a paid order registered with a clientId. One binding
// per client and card; unBindCard.do deactivates it (it stays listed nowhere and pays nothing).
import crypto from "node:crypto";
import { BoundedMap } from "../bounded-map.ts";
import type { RbsCard } from "./orders.ts";

export interface RbsBinding {
  id: string;
  clientId: string;
  card: RbsCard;
  active: boolean;
  createdAt: Date;
}

export class RbsBindingStore {
  private readonly byId: BoundedMap<string, RbsBinding>;

  constructor(maxBindings: number) {
    this.byId = new BoundedMap(maxBindings);
  }

  /** The client's active binding of this card, made when it has none. */
  bind(clientId: string, card: RbsCard, now: Date): RbsBinding {
    for (const binding of this.byId.values()) {
      if (binding.active && binding.clientId === clientId && sameCard(binding.card, card)) return binding;
    }
    const binding: RbsBinding = { id: crypto.randomUUID(), clientId, card, active: true, createdAt: now };
    this.byId.set(binding.id, binding);
    return binding;
  }

  get(id: string): RbsBinding | undefined {
    return this.byId.get(id);
  }

  activeOf(clientId: string): RbsBinding[] {
    return [...this.byId.values()].filter((b) => b.active && b.clientId === clientId);
  }
}

function sameCard(a: RbsCard, b: RbsCard): boolean {
  return a.firstSix === b.firstSix && a.lastFour === b.lastFour && a.expMonth === b.expMonth && a.expYear === b.expYear;
}

/** `400000**3055`, as the platform masks a PAN. */
export function maskedPan(card: RbsCard): string {
  return `${card.firstSix}**${card.lastFour}`;
}

/** `YYYYMM`, as getBindings.do and cardAuthInfo.expiration show it. */
export function expiryText(card: RbsCard): string {
  return `${card.expYear}${String(card.expMonth).padStart(2, "0")}`;
}
