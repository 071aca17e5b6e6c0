import type { RequestContext } from "@cae/shared";
import type { DataSource } from "typeorm";
import { createActivityLoaders } from "./activities/activity.loaders";
import { createMeetingLoaders } from "./meetings/meeting.loaders";
import { createMembershipLoaders } from "./membership/membership.loaders";
import { createPeopleLoaders } from "./people/person.loaders";
import { createErasureLoaders } from "./people/erasure.loaders";
import { createSupportLoaders } from "./support/support.loaders";
import { createWelcomeLoaders } from "./welcome/welcome.loaders";
import { createEntrySituationLoaders } from "./welcome/entry-situation.loaders";
import { createExitFollowUpLoaders } from "./membership/follow-up.loaders";

export function createLoaders(db: DataSource) {
  return {
    ...createPeopleLoaders(db),
    ...createErasureLoaders(db),
    ...createMembershipLoaders(db),
    ...createWelcomeLoaders(db),
    ...createEntrySituationLoaders(db),
    ...createExitFollowUpLoaders(db),
    ...createActivityLoaders(db),
    ...createSupportLoaders(db),
    ...createMeetingLoaders(db),
  };
}

export type MembersLoaders = ReturnType<typeof createLoaders>;
export type MembersContext = RequestContext<MembersLoaders>;
