import { index, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tenantColumns } from "./columns";

/** Who the platform pays for what it resells (model providers, GPU clouds). */
export const vendors = pgTable(
  "vendors",
  {
    id: text("id").primaryKey(),
    ...tenantColumns(),
    name: text("name").notNull(),
    externalId: text("external_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("vendors_external_id_idx").on(t.platformId, t.liveMode, t.externalId),
    index("vendors_list_idx").on(t.platformId, t.liveMode, t.createdAt, t.id),
  ],
);
