import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, open, stat, type FileHandle } from "node:fs/promises";
import { basename, join } from "node:path";

/**
 * A backup is a directory of plain files (manifest.json and one dump per subgraph), or the same
 * files in one uncompressed POSIX tar archive, which any `tar` reads (`tar tf`, `tar xf`). The
 * dumps are compressed already; the tar adds nothing but the one file to keep or copy away.
 * Written here rather than with a dependency: a ustar archive of a few flat files is 512-byte
 * headers and padding.
 */
const BLOCK = 512;
const CHUNK = 1 << 20;

/** SHA-256 of a file, in hexadecimal, read as a stream (a dump may be large). */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, "0") + "\0";
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (Buffer.byteLength(name) > 100) throw new Error(`${name}: a name longer than 100 bytes does not fit a tar header`);
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, "utf8");
  block.write(octal(0o644, 8), 100, "ascii");
  block.write(octal(0, 8), 108, "ascii");
  block.write(octal(0, 8), 116, "ascii");
  block.write(octal(size, 12), 124, "ascii");
  block.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, "ascii");
  block.write("        ", 148, "ascii"); // the checksum field counts as spaces while summing
  block.write("0", 156, "ascii");
  block.write("ustar\0" + "00", 257, "ascii");
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  return block;
}

async function copy(from: FileHandle, fromOffset: number, to: FileHandle, toOffset: number, size: number): Promise<void> {
  const buffer = Buffer.alloc(Math.min(CHUNK, Math.max(size, 1)));
  for (let done = 0; done < size;) {
    const { bytesRead } = await from.read(buffer, 0, Math.min(buffer.length, size - done), fromOffset + done);
    if (bytesRead === 0) throw new Error("the archive ends in the middle of a file");
    await to.write(buffer, 0, bytesRead, toOffset + done);
    done += bytesRead;
  }
}

/** Writes `files` (paths of plain files, archived under their base name, in this order) into a new tar archive at `archive`. */
export async function writeTar(archive: string, files: string[]): Promise<void> {
  const out = await open(archive, "wx");
  try {
    let offset = 0;
    for (const file of files) {
      const { size, mtime } = await stat(file);
      await out.write(header(basename(file), size, mtime), 0, BLOCK, offset);
      offset += BLOCK;
      const input = await open(file, "r");
      try {
        await copy(input, 0, out, offset, size);
      } finally {
        await input.close();
      }
      offset += Math.ceil(size / BLOCK) * BLOCK;
    }
    // Two zero blocks end the archive (the padding of the last file is written with them).
    await out.write(Buffer.alloc(2 * BLOCK), 0, 2 * BLOCK, offset);
    await out.sync();
  } finally {
    await out.close();
  }
}

/** Extracts the plain files of a tar archive (flat, as `writeTar` writes them) into the directory `into`. */
export async function extractTar(archive: string, into: string): Promise<string[]> {
  await mkdir(into, { recursive: true });
  const input = await open(archive, "r");
  const names: string[] = [];
  try {
    const { size: total } = await input.stat();
    const block = Buffer.alloc(BLOCK);
    for (let offset = 0; offset + BLOCK <= total;) {
      await input.read(block, 0, BLOCK, offset);
      if (block.every((byte) => byte === 0)) break;
      let sum = 0;
      for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i];
      const recorded = parseInt(block.toString("ascii", 148, 156).replace(/[\0 ]/g, ""), 8);
      if (recorded !== sum) throw new Error(`${archive} is not a tar archive, or is damaged (bad header at byte ${offset})`);
      // `tar cf backup.tar -C dir .` names them ./manifest.json, ...
      const name = block.toString("utf8", 0, 100).replace(/\0.*$/s, "").replace(/^\.\//, "");
      const size = parseInt(block.toString("ascii", 124, 136).replace(/[\0 ]/g, "") || "0", 8);
      const type = block.toString("ascii", 156, 157);
      offset += BLOCK;
      if (offset + size > total) throw new Error(`${archive} is truncated: ${name} needs ${size} bytes`);
      // Plain files only, and only flat names: an archive never writes outside `into`.
      if ((type === "0" || type === "\0") && name && !name.includes("/") && name !== "." && name !== "..") {
        const output = await open(join(into, name), "wx");
        try {
          await copy(input, offset, output, 0, size);
        } finally {
          await output.close();
        }
        names.push(name);
      }
      offset += Math.ceil(size / BLOCK) * BLOCK;
    }
  } finally {
    await input.close();
  }
  return names;
}
