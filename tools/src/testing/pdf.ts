/**
 * The text of a printed PDF, read back the way a reader's software reads it (unpdf, a packaging
 * of Mozilla's pdf.js), so that a test checks what a document says. Whitespace is folded to single
 * spaces: a line may wrap anywhere, and a mention is found whatever the layout.
 */
export async function pdfText(pdf: Buffer | string): Promise<string> {
  const bytes = typeof pdf === "string" ? Buffer.from(pdf, "base64") : pdf;
  if (bytes.subarray(0, 5).toString("latin1") !== "%PDF-") throw new Error("not a PDF");
  // unpdf is an ECMAScript module: imported when needed, from this CommonJS package.
  const { extractText, getDocumentProxy } = await import("unpdf");
  const document = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
