/**
 * @module A wide table that scrolls sideways on a narrow screen (the day grid, the rundown, template
 * steps). The scrolling box is a named region in the tab order, so a keyboard user can reach it and scroll
 * it with the arrow keys (WCAG 2.1.1); tables that turn into stacked rows on a phone need none of this.
 */
import type { Child } from "hono/jsx";

export function ScrollTable({
  label,
  class: extra,
  children,
}: {
  label: string;
  class?: string;
  children?: Child;
}) {
  return (
    <section class={extra ? `table-wrap ${extra}` : "table-wrap"} aria-label={label} tabindex={0}>
      {children}
    </section>
  );
}
