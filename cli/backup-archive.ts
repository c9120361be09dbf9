import { createHash } from "node:crypto";
import fs from "node:fs";

/**
 * The backup file's container: a plain POSIX (ustar) tar, written and read here in a few lines so any `tar`
 * can list or unpack a backup by hand. Only regular files with names of up to 100 bytes are used.
 */
const BLOCK = 512;
/** 11 octal digits in the size field: one entry holds at most 8 GiB. */
const MAX_ENTRY_BYTES = 8 ** 11 - 1;

/** The file is not a well-formed tar, or is cut short. */
export class ArchiveError extends Error {}

export type TarEntry = { name: string; offset: number; size: number };

/** Appends entries to a new file (never overwrites one); `finish` writes the end marker and syncs to disk. */
export class TarWriter {
  private readonly file: fs.promises.FileHandle;
  private constructor(file: fs.promises.FileHandle) {
    this.file = file;
  }

  static async create(target: string): Promise<TarWriter> {
    return new TarWriter(await fs.promises.open(target, "wx"));
  }

  async add(name: string, data: Uint8Array, mtime = new Date()): Promise<void> {
    await this.file.write(header(name, data.length, mtime));
    await this.file.write(data);
    const padding = (BLOCK - (data.length % BLOCK)) % BLOCK;
    if (padding > 0) await this.file.write(Buffer.alloc(padding));
  }

  async finish(): Promise<void> {
    await this.file.write(Buffer.alloc(2 * BLOCK));
    await this.file.sync();
    await this.file.close();
  }

  async abandon(): Promise<void> {
    await this.file.close().catch(() => {});
  }
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new ArchiveError(`entry name longer than 100 bytes: ${name}`);
  if (size > MAX_ENTRY_BYTES) throw new ArchiveError(`${name} is larger than a tar entry holds (8 GiB)`);
  const h = Buffer.alloc(BLOCK);
  h.write(name, 0, "utf8");
  h.write(octal(0o644, 8), 100);
  h.write(octal(0, 8), 108);
  h.write(octal(0, 8), 116);
  h.write(octal(size, 12), 124);
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136);
  h.write(" ".repeat(8), 148);
  h.write("0", 156);
  h.write("ustar\u000000", 257);
  h.write(`${checksum(h).toString(8).padStart(6, "0")}\u0000 `, 148);
  return h;
}

const octal = (n: number, width: number) => `${n.toString(8).padStart(width - 1, "0")}\u0000`;

/** The header's bytes summed with its checksum field counted as spaces. */
function checksum(h: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : h[i]!;
  return sum;
}

function text(h: Uint8Array, start: number, length: number): string {
  const field = h.subarray(start, start + length);
  const end = field.indexOf(0);
  return Buffer.from(end === -1 ? field : field.subarray(0, end)).toString("utf8");
}

function parseOctal(h: Uint8Array, start: number, length: number, what: string): number {
  const digits = text(h, start, length).trim();
  if (!/^[0-7]+$/.test(digits)) throw new ArchiveError(`${what} field is not an octal number`);
  return Number.parseInt(digits, 8);
}

/** Lists the entries of a tar held in a (file-backed) Blob, reading only the headers. */
export async function listTar(archive: Blob): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  let position = 0;
  while (position + BLOCK <= archive.size) {
    const h = new Uint8Array(await archive.slice(position, position + BLOCK).arrayBuffer());
    if (h.every((b) => b === 0)) return entries;
    const at = `the header at byte ${position}`;
    if (parseOctal(h, 148, 8, `${at}: checksum`) !== checksum(h))
      throw new ArchiveError(`${at} fails its checksum`);
    const prefix = text(h, 345, 155);
    const name = prefix ? `${prefix}/${text(h, 0, 100)}` : text(h, 0, 100);
    const type = String.fromCharCode(h[156]!);
    if (type !== "0" && type !== "\u0000") throw new ArchiveError(`${name} is not a regular file`);
    const size = parseOctal(h, 124, 12, `${at}: size`);
    const offset = position + BLOCK;
    if (offset + size > archive.size) throw new ArchiveError(`the file is cut short inside ${name}`);
    entries.push({ name, offset, size });
    position = offset + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new ArchiveError("the file is cut short: no end-of-archive marker");
}

export function entryBlob(archive: Blob, entry: TarEntry): Blob {
  return archive.slice(entry.offset, entry.offset + entry.size);
}

/** SHA-256 of a Blob, read as a stream so a large entry is never held whole. */
export async function sha256OfBlob(blob: Blob): Promise<string> {
  const hash = createHash("sha256");
  const reader = blob.stream().getReader();
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) hash.update(chunk.value);
  return hash.digest("hex");
}
