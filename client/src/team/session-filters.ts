import { TeamSessionsQuerySchema, type TeamSessionsQuery } from "../../../server/contracts/index.js";

/** What the dashboard's filter row holds; empty strings mean "any". */
export type SessionFilters = {
  status: "" | "active" | "complete";
  pack: string;
  q: string;
  sort: NonNullable<TeamSessionsQuery["sort"]>;
  order: "asc" | "desc";
};

export const DEFAULT_SESSION_FILTERS: SessionFilters = { status: "", pack: "", q: "", sort: "started", order: "desc" };

/** The query the server filters and sorts by: "any" filters are left out, not sent empty. */
export function filtersToQuery(filters: SessionFilters): TeamSessionsQuery {
  return {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.pack ? { pack: filters.pack } : {}),
    ...(filters.q.trim() ? { q: filters.q.trim() } : {}),
    sort: filters.sort,
    order: filters.order,
  };
}

const SORTS: readonly string[] = TeamSessionsQuerySchema.shape.sort.unwrap().options;

/** The sort menu's "field:order" value applied to the filters; an unknown value changes nothing. */
export function withSortKey(filters: SessionFilters, value: string): SessionFilters {
  const [sort, order] = value.split(":");
  if (sort === undefined || !SORTS.includes(sort) || (order !== "asc" && order !== "desc")) return filters;
  return { ...filters, sort: sort as SessionFilters["sort"], order };
}

/** Tick or untick a session for comparing, keeping the order they were picked in. */
export function toggleSelected(selected: readonly string[], sessionId: string): string[] {
  return selected.includes(sessionId) ? selected.filter((id) => id !== sessionId) : [...selected, sessionId];
}
