/**
 * Reads a request body up to `maxBytes`, never more: a Content-Length above the cap is refused before
 * anything is read, and a body sent without one (chunked) is refused as soon as it passes the cap, so a
 * huge upload costs no memory. `tooLarge` means answer 413.
 */
export async function readBodyCapped(request: Request, maxBytes: number): Promise<{ tooLarge: false; text: string } | { tooLarge: true }> {
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= maxBytes)) {
    await request.body?.cancel().catch(() => undefined);
    return { tooLarge: true };
  }
  if (!request.body) return { tooLarge: false, text: '' };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { tooLarge: true };
    }
    chunks.push(value);
  }
  return { tooLarge: false, text: Buffer.concat(chunks, total).toString('utf8') };
}

export const KIB = 1024;
export const MIB = 1024 * KIB;
