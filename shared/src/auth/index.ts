export * from "./access";
export * from "./caller";
export * from "./dev-keys";
export * from "./verify";
