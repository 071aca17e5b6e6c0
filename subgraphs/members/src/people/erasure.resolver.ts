import { Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import { localIdOfReference, SUBGRAPH_NAMES } from "@cae/shared";
import type { MembersContext } from "../context";
import { type ErasurePart, PersonErasure } from "./erasure.type";
import { Person } from "./person.type";

@Resolver(() => Person)
export class PersonErasureResolver {
  @FieldResolver(() => PersonErasure, {
    nullable: true,
    description: "What erasing the person's data did in each subgraph, and what was kept and why; null while their data is kept.",
  })
  async erasure(@Root() person: Person, @Ctx() ctx: MembersContext): Promise<PersonErasure | null> {
    const localId = localIdOfReference(person.id, ctx.cooperativeId);
    const entity = localId ? await ctx.loaders.personById.load(localId) : null;
    if (!entity?.erasedAt) return null;
    const reported = await ctx.loaders.erasurePartsByPerson.load(entity.id);
    const parts: ErasurePart[] = SUBGRAPH_NAMES.map((subgraph) => {
      const part = reported.find((candidate) => candidate.subgraph === subgraph);
      return part
        ? { subgraph, state: "DONE", appliedAt: part.applied_at, erased: part.erased, kept: part.kept }
        : { subgraph, state: "PENDING", appliedAt: null, erased: [], kept: [] };
    });
    return { erasedAt: entity.erasedAt, complete: parts.every((part) => part.state === "DONE"), parts };
  }
}
