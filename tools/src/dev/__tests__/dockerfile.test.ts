import { copyTargets, dockerignoreFilter, lineage, parseDockerfile } from "../dockerfile";

/** How the Docker image's check reads the Dockerfile and the build context (the build itself: docker.e2e.test.ts). */

const FILES = [
  "package.json",
  "shared/package.json",
  "shared/src/index.ts",
  "shared/src/dates.ts",
  "examples/generated/graphql.ts",
  "README.md",
];

describe("the Dockerfile, as the image's check reads it", () => {
  const stages = parseDockerfile(`# comment
FROM node:20 AS manifests
WORKDIR /app
COPY package.json \\
  # a comment inside an instruction
  shared/package.json ./
FROM manifests AS build
RUN npm ci --ignore-scripts
COPY shared/ shared/
FROM node:20
WORKDIR /srv
COPY --from=build /app/shared shared
`);

  it("follows stages, their bases and the WORKDIR each instruction runs in", () => {
    expect(stages.map((stage) => [stage.name, stage.base, stage.workdir])).toEqual([
      ["manifests", "node:20", "/app"],
      ["build", "manifests", "/app"],
      [undefined, "node:20", "/srv"],
    ]);
    expect(lineage(stages, stages[1]).map((stage) => stage.name)).toEqual(["manifests", "build"]);
    expect(stages[0].instructions[1]).toEqual({ keyword: "COPY", args: "package.json shared/package.json ./", workdir: "/app" });
  });

  it("places files as COPY does: a file into a folder, a folder's contents, a glob's matches", () => {
    const copy = (sources: string[], destination: string) => Object.fromEntries(copyTargets({ sources, destination }, "/app", FILES));
    expect(copy(["package.json", "shared/package.json"], "./")).toEqual({
      "package.json": "/app/package.json",
      "shared/package.json": "/app/package.json",
    });
    expect(copy(["shared/"], "shared/")).toEqual({
      "shared/package.json": "/app/shared/package.json",
      "shared/src/index.ts": "/app/shared/src/index.ts",
      "shared/src/dates.ts": "/app/shared/src/dates.ts",
    });
    expect(copy(["shared/src/*.ts"], "lib/")).toEqual({
      "shared/src/index.ts": "/app/lib/index.ts",
      "shared/src/dates.ts": "/app/lib/dates.ts",
    });
    expect(copy(["README.md"], "docs/read-me.md")).toEqual({ "README.md": "/app/docs/read-me.md" });
  });

  it("fails on a source the context does not hold, as docker build does", () => {
    expect(() => copyTargets({ sources: ["examples/operations.graphql"], destination: "examples/" }, "/app", FILES)).toThrow(
      "COPY examples/operations.graphql: no such file or folder in the build context",
    );
  });
});

describe(".dockerignore, as the image's check reads it", () => {
  const ignored = dockerignoreFilter("# built\nnode_modules\n**/dist\n*.tsbuildinfo\ndocs/*.md\n!docs/keep.md\n");

  it("leaves out what a pattern or a folder above matches, at its depth or at any with **", () => {
    expect(ignored("node_modules/jose/package.json")).toBe(true);
    expect(ignored("shared/node_modules/x/index.js")).toBe(false);
    expect(ignored("shared/dist/index.js")).toBe(true);
    expect(ignored("dist/index.js")).toBe(true);
    expect(ignored("tsconfig.tsbuildinfo")).toBe(true);
    expect(ignored("shared/tsconfig.tsbuildinfo")).toBe(false);
    expect(ignored("shared/src/index.ts")).toBe(false);
  });

  it("lets a later ! pattern bring a file back", () => {
    expect(ignored("docs/operations.md")).toBe(true);
    expect(ignored("docs/keep.md")).toBe(false);
  });
});
