/** @module Reads `word/document.xml` out of a .docx (unzip, as a person would to check the file opens). */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function documentXml(bytes: ArrayBuffer): string {
  const dir = mkdtempSync(join(tmpdir(), "press-"));
  try {
    writeFileSync(join(dir, "p.docx"), new Uint8Array(bytes));
    return execFileSync("unzip", ["-p", join(dir, "p.docx"), "word/document.xml"]).toString("utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
