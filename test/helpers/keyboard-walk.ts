import type { Page } from "playwright-core";

/** What the walk found: each control reached by Tab (in order), and every visible control it never reached. */
type TabWalk = { reached: string[]; unreached: string[] };

const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';

/**
 * Walk the page with the Tab key from the top until focus comes back around (or
 * `maxSteps`), and compare what got focus with every visible, enabled control on
 * the page. A radio group counts as reached when one of its radios is (arrow keys
 * move within it). In a code editor, Tab indents: Escape first lets Tab move on,
 * as CodeMirror documents for keyboard users.
 */
export async function walkWithTab(page: Page, maxSteps = 300): Promise<TabWalk> {
  const total = await page.evaluate((selector) => {
    const visible = (el: Element) => {
      // Inside a closed <details> only its own summary shows (and only if no outer one is closed too).
      for (let d = el.closest("details:not([open])"); d; d = d.parentElement?.closest("details:not([open])") ?? null) {
        if (!(el.tagName === "SUMMARY" && el.parentElement === d && d === el.closest("details"))) return false;
      }
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true })) return false;
      const box = el.getBoundingClientRect();
      return !(box.width === 0 && box.height === 0 && getComputedStyle(el).overflow === "hidden");
    };
    let n = 0;
    for (const el of document.querySelectorAll<HTMLElement>(selector)) {
      el.removeAttribute("data-walk");
      if ((el as HTMLButtonElement).disabled || el.closest("[inert]") || !visible(el)) continue;
      // Controls inside a code editor are the editor's own; its content area stands for them.
      if (el.closest(".cm-editor") && !el.classList.contains("cm-content")) continue;
      el.setAttribute("data-walk", String(n++));
    }
    (document.activeElement as HTMLElement | null)?.blur();
    return n;
  }, CONTROLS);

  const reached: string[] = [];
  const seen = new Set<string>();
  for (let step = 0; step < maxSteps; step++) {
    const inEditor = await page.evaluate(() => document.activeElement?.classList.contains("cm-content") ?? false);
    if (inEditor) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const at = await page.evaluate(() => {
      const el = document.activeElement?.closest<HTMLElement>("[data-walk]");
      return el ? el.dataset.walk! : null;
    });
    if (at === null) continue;
    if (seen.has(at)) {
      if (at === reached[0]) break; // back around to the first control
      continue;
    }
    seen.add(at);
    reached.push(at);
    if (seen.size === total) break;
  }

  return page.evaluate((reachedIds) => {
    const describe = (el: HTMLElement) => {
      const id = el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : "";
      const name = (el.getAttribute("aria-label") ?? el.textContent ?? "").trim().replace(/\s+/g, " ").slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${el.getAttribute("type") ? `[type=${el.getAttribute("type")}]` : ""} "${name}"`;
    };
    const all = [...document.querySelectorAll<HTMLElement>("[data-walk]")];
    const got = new Set(reachedIds);
    const radioGroupsReached = new Set(
      all
        .filter((el) => got.has(el.dataset.walk!) && el instanceof HTMLInputElement && el.type === "radio")
        .map((el) => (el as HTMLInputElement).name),
    );
    const unreached = all.filter(
      (el) => !got.has(el.dataset.walk!) && !(el instanceof HTMLInputElement && el.type === "radio" && radioGroupsReached.has(el.name)),
    );
    const byId = new Map(all.map((el) => [el.dataset.walk!, el]));
    for (const el of all) el.removeAttribute("data-walk");
    return { reached: reachedIds.map((id) => describe(byId.get(id)!)), unreached: unreached.map(describe) };
  }, reached);
}
