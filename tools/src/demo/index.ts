export * from "./types";
export * from "./generate";
export * from "./random";
export * from "./profile";
