import { ArgsType, Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root, Args, type ClassType } from "type-graphql";
import type { SubgraphName } from "../config";
import type { RequestContext } from "../context";
import { badUserInput } from "../errors";
import type { DataSource } from "typeorm";
import { connectionType, mapConnection, PageArgs, pageOfQuery, type Connection } from "../pagination";
import { DateTimeScalar, LocalDateScalar } from "../scalars";
import { AuditEventEntity } from "./audit-event.entity";

@ObjectType({ description: "One change made to the cooperative's records (journal d'audit): who, what, which entity, when." })
@Directive("@shareable")
export class AuditEvent {
  @Field(() => ID, { description: "ID of the event." })
  id: string;

  @Field(() => DateTimeScalar, { description: "When the change was made." })
  occurredAt: Date;

  @Field(() => String, { description: "Who made it: the subject of their token." })
  actorSubject: string;

  @Field(() => String, { description: "The role they acted in." })
  actorRole: string;

  @Field(() => String, { description: 'The mutation ("registerPerson").' })
  action: string;

  @Field(() => String, { description: 'The type of the entity changed ("Person").' })
  entityType: string;

  @Field(() => ID, { description: "The global ID of the entity changed." })
  entityId: string;

  @Field(() => String, { description: "What changed, as a JSON object." })
  details: string;
}

export const AuditEventConnection = connectionType(AuditEvent, "AuditEvent", "audit event", { shareable: true });

@ArgsType()
export class AuditTrailArgs extends PageArgs {
  @Field(() => String, { nullable: true, description: 'Only the changes to entities of this type ("Person").' })
  entityType?: string | null;

  @Field(() => ID, { nullable: true, description: "Only the changes to this entity." })
  entityId?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the changes made on or after this day (UTC)." })
  from?: string | null;

  @Field(() => LocalDateScalar, { nullable: true, description: "Only the changes made on or before this day (UTC)." })
  to?: string | null;
}

const toAuditEvent = (entity: AuditEventEntity): AuditEvent => ({ ...entity, details: JSON.stringify(entity.details) });

/**
 * The `<subgraph>AuditTrail` field of a subgraph's Cooperative: the changes recorded in this
 * subgraph's database, newest first, for the cooperative's admin.
 */
export function auditTrailResolver(cooperative: ClassType, subgraph: SubgraphName) {
  @Resolver(() => cooperative)
  class AuditTrailResolver {
    @FieldResolver(() => AuditEventConnection, {
      name: `${subgraph}AuditTrail`,
      nullable: true,
      description: `The changes made to the cooperative's ${subgraph} records, newest first (cooperative admins only).`,
    })
    auditTrail(@Root() _cooperative: object, @Args(() => AuditTrailArgs) args: AuditTrailArgs, @Ctx() ctx: RequestContext<unknown>) {
      return auditTrailPage(ctx.db, args);
    }
  }
  return AuditTrailResolver;
}

/** A page of the changes recorded in a database's audit trail, newest first. */
export async function auditTrailPage(db: DataSource, args: AuditTrailArgs): Promise<Connection<AuditEvent>> {
  if (args.from && args.to && args.from > args.to) throw badUserInput("from must not be after to", "from");
  const query = db.getRepository(AuditEventEntity).createQueryBuilder("event");
  if (args.entityType) query.andWhere("event.entityType = :entityType", { entityType: args.entityType });
  if (args.entityId) query.andWhere("event.entityId = :entityId", { entityId: args.entityId });
  if (args.from) query.andWhere("event.occurredAt >= (:from::date AT TIME ZONE 'UTC')", { from: args.from });
  if (args.to) query.andWhere("event.occurredAt < ((:to::date + 1) AT TIME ZONE 'UTC')", { to: args.to });
  const page = await pageOfQuery(query, args, [{ column: "event.seq", property: "seq" }], "DESC");
  return mapConnection(page, toAuditEvent);
}
