// What the family list shows, kept by the app so that coming back from a family shows the
// same search, filters, order and page.
import type { SortBy, StatusFilter } from "./api";

export type ListState = {
  text: string;
  categoryId: string;
  village: string;
  status: StatusFilter;
  pendingConsent: boolean;
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
    sort: "name",
    descending: false,
    offset: 0,
  };
}
