export * from "./access";
export * from "./policy";
export * from "./caller";
export * from "./dev-keys";
export * from "./verify";
