export * from "./access";
export * from "./policy";
export * from "./caller";
export * from "./verify";
