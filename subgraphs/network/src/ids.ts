import { badUserInput, encodeId, NETWORK_SLUG, tryDecodeId } from "@cae/shared";

export const networkId = (localId: string): string => encodeId(NETWORK_SLUG, localId);

/** The local ID of one of the network's records given as an argument; anything else is the caller's error. */
export function networkLocalId(globalId: string, field: string): string {
  const decoded = tryDecodeId(globalId);
  if (!decoded || decoded.cooperativeId !== NETWORK_SLUG) {
    throw badUserInput(`"${globalId}" is not an ID of the network's records (expected "network:<uuid>")`, field);
  }
  return decoded.localId;
}
