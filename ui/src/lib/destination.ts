// Where an export goes, as the destination picker offers it: a USB stick, documents/ in
// the data folder, or a place chosen in the native save dialog — a stick and a chosen file
// by the tokens Rust gave for them, never by a path the window could make up.
import { api, type Target } from "./api";

export const DOCUMENTS = "documents";
export const OTHER = "other";

/** The target for the picker's `choice`; `null` when the user closed the save dialog. */
export async function chooseTarget(choice: string, suggested: () => Promise<string>): Promise<Target | null> {
  if (choice === DOCUMENTS) return { to: "documents" };
  if (choice === OTHER) {
    const token = await api.chooseSavePath(await suggested());
    return token === null ? null : { to: "file", path: token };
  }
  return { to: "folder", path: choice };
}

/** A stick was written to: the user may pull it out. */
export const onStick = (target: Target): boolean => target.to === "folder";
