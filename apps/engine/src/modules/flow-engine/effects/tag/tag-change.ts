/** Tags to add to or remove from one shipment or customer, already normalized (flow-model's normalizeTag). */
export interface TagChange {
  target: 'shipment' | 'customer';
  holderId: string;
  action: 'add' | 'remove';
  tags: readonly string[];
}

/** What a holder ends up with after a batch's changes, in order: a tag's last change wins. */
export interface NetTagChange {
  merchantId: string;
  holderId: string;
  add: string[];
  remove: string[];
}

/** Folds a batch's changes to one net change per holder, so one statement can apply them all. */
export function netTagChanges(changes: readonly { merchantId: string; change: TagChange }[]): NetTagChange[] {
  const byHolder = new Map<string, { merchantId: string; holderId: string; add: Set<string>; remove: Set<string> }>();
  for (const { merchantId, change } of changes) {
    const key = `${merchantId}:${change.holderId}`;
    const net = byHolder.get(key) ?? { merchantId, holderId: change.holderId, add: new Set<string>(), remove: new Set<string>() };
    byHolder.set(key, net);
    const [into, outOf] = change.action === 'add' ? [net.add, net.remove] : [net.remove, net.add];
    for (const tag of change.tags) {
      outOf.delete(tag);
      into.add(tag);
    }
  }
  return [...byHolder.values()].map((net) => ({ merchantId: net.merchantId, holderId: net.holderId, add: [...net.add], remove: [...net.remove] }));
}
