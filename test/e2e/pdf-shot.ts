/**
 * @module Screenshots of a PDF as a person sees it: Chromium renders every page with pdf.js (served from
 * node_modules on a made-up origin through request routing, nothing else is reached) on a grey desk, and
 * the full page is saved as PNG. For looking at the papers, not for asserting on them (pdf-text.ts reads
 * the text).
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Browser } from "playwright-core";

const PDFJS = join(process.cwd(), "node_modules/pdfjs-dist/build");
const ORIGIN = "http://pdf.invalid";

const PAGE = `<!doctype html><html><body style="margin:0;background:#8a8a8a">
<script type="module">
import * as pdfjs from "/pdf.mjs";
pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
const pdf = await pdfjs.getDocument("/doc.pdf").promise;
for (let n = 1; n <= pdf.numPages; n++) {
  const page = await pdf.getPage(n);
  const viewport = page.getViewport({ scale: 1.5 });
  const canvas = document.createElement("canvas");
  canvas.width = viewport.width;
  canvas.height = viewport.height;
  canvas.style.cssText = "display:block;margin:12px auto;box-shadow:0 1px 4px #0006";
  document.body.append(canvas);
  await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
}
document.body.dataset.pages = String(pdf.numPages);
</script></body></html>`;

/** Renders `bytes` page by page and saves one PNG at `path`; returns the number of pages. */
export async function screenshotPdf(browser: Browser, bytes: Uint8Array, path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 960, height: 1000 } });
  try {
    const page = await context.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const name = new URL(route.request().url()).pathname;
      if (name === "/") return route.fulfill({ contentType: "text/html", body: PAGE });
      if (name === "/doc.pdf")
        return route.fulfill({ contentType: "application/pdf", body: Buffer.from(bytes) });
      return route.fulfill({
        contentType: "text/javascript",
        body: readFileSync(join(PDFJS, basename(name))),
      });
    });
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => document.body.dataset.pages !== undefined);
    await page.screenshot({ path, fullPage: true });
    return Number(await page.evaluate(() => document.body.dataset.pages));
  } finally {
    await context.close();
  }
}
