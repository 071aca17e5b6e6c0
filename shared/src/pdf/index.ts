export * from "./print";
