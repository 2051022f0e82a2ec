import { sql, type SQL } from "drizzle-orm";

/** Lane values longer than this are cut: a value is a label in a chart, not a payload. */
export const LANE_VALUE_MAX = 200;

/** How many lane values get their own stack and row; the rest are summed as "Other". */
export const LANE_TOP = 6;

/**
 * An event's value for a lane (alias e), read like a pricing dimension: strings as sent, numbers
 * and booleans as written; objects, arrays and a missing key give null. Only ever called with a
 * dimension the platform marked visible.
 */
export function laneValueSql(dimension: string | SQL): SQL {
  const key = typeof dimension === "string" ? sql`${dimension}::text` : dimension;
  return sql`left(CASE WHEN jsonb_typeof(e.data -> ${key}) IN ('string', 'number', 'boolean') THEN e.data ->> ${key} END, ${LANE_VALUE_MAX}::int)`;
}

export interface LaneFilter {
  dimension: string;
  value: string;
}

/** Events whose value for the lane is exactly `value` (compared as cut, so every shown value can be filtered on). */
export function laneFilterSql(filter: LaneFilter): SQL {
  return sql`${laneValueSql(filter.dimension)} = ${filter.value.slice(0, LANE_VALUE_MAX)}`;
}

/** The event's values for the given lanes as a jsonb object (alias e); lanes it carries no value for are left out. */
export function laneValuesSql(dimensions: readonly string[]): SQL {
  if (dimensions.length === 0) return sql`'{}'::jsonb`;
  return sql`(SELECT coalesce(jsonb_object_agg(k, lv.v), '{}'::jsonb) FROM unnest(${sql.param([...dimensions])}::text[]) k,
    LATERAL (SELECT ${laneValueSql(sql`k`)} AS v) lv WHERE lv.v IS NOT NULL)`;
}
