// What the family list shows, kept by the app so that coming back from a family shows the
// same search, filters, order and page.
import type { Period, SortBy, StatusFilter } from "./api";

export type ListState = {
  text: string;
  categoryId: string;
  village: string;
  status: StatusFilter;
  pendingConsent: boolean;
  /** Set by the dashboard: only families given aid, or registered, within the period. */
  helped: Period | null;
  registered: Period | null;
  sort: SortBy;
  descending: boolean;
  offset: number;
};

export function initialListState(): ListState {
  return {
    text: "",
    categoryId: "",
    village: "",
    status: "current",
    pendingConsent: false,
    helped: null,
    registered: null,
    sort: "name",
    descending: false,
    offset: 0,
  };
}
