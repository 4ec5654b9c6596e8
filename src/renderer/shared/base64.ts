/** Files leave the renderer as base64 in JSON (never as paths): shared by every page that uploads a file. */

const ALPHABET = new TextEncoder().encode('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
const PAD = 61; // "="

/**
 * Standard base64 (with padding). Written out by table into a byte buffer and decoded once as ASCII: a
 * 20 MB file takes a fraction of a second, where joining String.fromCharCode pieces takes seconds.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  const whole = bytes.length - (bytes.length % 3);
  let o = 0;
  for (let i = 0; i < whole; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ALPHABET[n >>> 18] ?? PAD;
    out[o++] = ALPHABET[(n >>> 12) & 63] ?? PAD;
    out[o++] = ALPHABET[(n >>> 6) & 63] ?? PAD;
    out[o++] = ALPHABET[n & 63] ?? PAD;
  }
  const rest = bytes.length - whole;
  if (rest > 0) {
    const n = ((bytes[whole] ?? 0) << 16) | (rest === 2 ? (bytes[whole + 1] ?? 0) << 8 : 0);
    out[o++] = ALPHABET[n >>> 18] ?? PAD;
    out[o++] = ALPHABET[(n >>> 12) & 63] ?? PAD;
    out[o++] = rest === 2 ? (ALPHABET[(n >>> 6) & 63] ?? PAD) : PAD;
    out[o] = PAD;
  }
  return new TextDecoder().decode(out);
}

export async function readBase64(file: Blob): Promise<string> {
  return bytesToBase64(new Uint8Array(await file.arrayBuffer()));
}
