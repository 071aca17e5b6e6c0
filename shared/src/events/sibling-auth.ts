import { jwtVerify, SignJWT } from "jose";
import { SUBGRAPH_NAMES, type SubgraphName } from "../config";

/**
 * How a cooperative's subgraphs know each other: a short-lived JWT (HS256) signed with the
 * cooperative's events secret (`EVENTS_SECRET`), which its three subgraphs share and nothing else
 * holds. It names the sender (`iss`) and the one subgraph it is for (`aud`), both of that
 * cooperative: a token for contracts is refused by finance, and one cooperative's secret opens
 * nothing in another's.
 */
const TOKEN_LIFETIME = "2m";

const identity = (cooperativeId: string, subgraph: SubgraphName) => `${cooperativeId}/${subgraph}`;

export class SiblingAuth {
  private readonly key: Uint8Array;

  constructor(
    private readonly cooperativeId: string,
    private readonly subgraph: SubgraphName,
    secret: string,
  ) {
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for a request to `destination`. */
  tokenFor(destination: SubgraphName): Promise<string> {
    return new SignJWT({})
      .setProtectedHeader({ alg: "HS256" })
      .setIssuer(identity(this.cooperativeId, this.subgraph))
      .setAudience(identity(this.cooperativeId, destination))
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(this.key);
  }

  /** The sibling that sent a request, or a reason to refuse it. */
  async senderOf(authorization: string | null): Promise<SubgraphName | { refused: string }> {
    const token = authorization?.match(/^Bearer (\S+)$/)?.[1];
    if (!token) return { refused: "an event delivery carries its sender's token (Authorization: Bearer ...)" };
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ["HS256"],
        audience: identity(this.cooperativeId, this.subgraph),
      });
      const sender = SUBGRAPH_NAMES.find((name) => name !== this.subgraph && payload.iss === identity(this.cooperativeId, name));
      return sender ?? { refused: `the token's sender ${JSON.stringify(payload.iss)} is not a sibling of this subgraph` };
    } catch (error) {
      return { refused: `the sender's token is refused: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
}
