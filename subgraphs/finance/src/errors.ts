import { codedError } from "@cae/shared";

/** A forbidden state or a clash with recorded data, naming the input field that meets it. */
export const conflictOn = (message: string, field: string) => codedError("CONFLICT", message, { field });
