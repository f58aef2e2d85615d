/**
 * The activity just before another in a Direct Line conversation. Activity ids there end in
 * `|<sequence>` (src/channels/directline/activityStore.ts) and the watermark is the sequence, so
 * this is a read of one activity.
 */
type ReadOne = (conversationId: string, watermark: string | null, limit?: number) => Promise<{ activities: { channelData?: unknown }[] }>;

export function previousChatActivity(store: { read: ReadOne }) {
  return async (conversationId: string, activityId: string): Promise<{ channelData?: unknown } | null> => {
    const seq = Number(/\|(\d+)$/.exec(activityId)?.[1]);
    if (!Number.isInteger(seq) || seq < 2) return null;
    const page = await store.read(conversationId, seq === 2 ? null : String(seq - 2), 1);
    return page.activities[0] ?? null;
  };
}
