// Builds the card into the integration (one file, no external imports) or,
// with --tests, the unit tests into .test-build/ for `node --test`.
//
// The bundle's first line records a hash of everything the build reads, so a
// test (tests/components/qbittorrent_webui/test_card.py) can tell, without
// Node, that the committed bundle was built from the committed sources.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL(".", import.meta.url));
const bundle = join(root, "..", "custom_components", "qbittorrent_webui", "frontend", "qbittorrent-card.js");
const HASHED = ["build.mjs", "package-lock.json", "tsconfig.json", "src"];

function files(path) {
  const full = join(root, path);
  try {
    return readdirSync(full, { withFileTypes: true })
      .flatMap((entry) => files(join(path, entry.name)));
  } catch {
    return [path];
  }
}

export function sourcesHash() {
  const hash = createHash("sha256");
  const paths = HASHED.flatMap(files).map((path) => path.split(sep).join("/")).sort();
  for (const path of paths) {
    hash.update(`${path}\0`);
    hash.update(readFileSync(join(root, path)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

if (process.argv.includes("--tests")) {
  const out = join(root, ".test-build");
  rmSync(out, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: files("test").filter((path) => path.endsWith(".test.ts")).map((path) => join(root, path)),
    outdir: out,
    outExtension: { ".js": ".mjs" },
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "warning",
  });
} else {
  await esbuild.build({
    entryPoints: [join(root, "src", "qbittorrent-card.ts")],
    outfile: bundle,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2021",
    legalComments: "none",
    banner: { js: `// qbittorrent-card sources-sha256: ${sourcesHash()}` },
    logLevel: "warning",
  });
  console.log(`built ${relative(process.cwd(), bundle)}`);
}
