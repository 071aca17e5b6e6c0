export * from "./audit";
export * from "./audit-event.entity";
export * from "./audit.migration";
export * from "./audit.type";
