/**
 * @module A press release as plain text and as a Word document (`.docx`, built with the `docx` library):
 * headline, dateline joined to the lead, body paragraphs, quotes, commitments and the closing paragraph.
 */
import { type PressDraft, pressT } from "./draft";

function paragraphs(p: PressDraft): string[] {
  const split = (s: string) =>
    s
      .split(/\n{2,}/)
      .map((x) => x.trim())
      .filter(Boolean);
  return [
    [p.dateline.trim(), p.lead.trim()].filter(Boolean).join(" "),
    ...split(p.body),
    ...p.quotes.map((q) =>
      pressT(q.title ? "press.draft.quoteTitled" : "press.draft.quote", {
        text: q.text,
        speaker: q.speaker,
        title: q.title,
      }),
    ),
    ...split(p.commitments),
    ...split(p.closing),
  ].filter(Boolean);
}

export function pressText(p: PressDraft): string {
  return `${p.headline}\n\n${paragraphs(p).join("\n\n")}\n`;
}

export async function pressDocx(p: PressDraft): Promise<Uint8Array> {
  const { Document, HeadingLevel, Packer, Paragraph, TextRun } = await import("docx");
  const doc = new Document({
    creator: "Sambang",
    title: p.headline,
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            children: [new TextRun({ text: p.headline, bold: true })],
          }),
          ...paragraphs(p).map((text, i) =>
            i === 0 && p.dateline
              ? new Paragraph({
                  children: [
                    new TextRun({ text: p.dateline, bold: true }),
                    new TextRun(text.slice(p.dateline.length)),
                  ],
                })
              : new Paragraph({ children: [new TextRun(text)] }),
          ),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
