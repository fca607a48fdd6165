import "@testing-library/jest-dom/vitest";
import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";

// Each test mounts into a fresh document.
afterEach(() => cleanup());

// jsdom has no layout, so it does not implement scrolling; the form scrolls after errors.
window.scrollTo = () => {};
Element.prototype.scrollIntoView = () => {};
