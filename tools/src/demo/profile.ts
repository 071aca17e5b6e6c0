import { DEMO_COOPERATIVES, type DemoCooperativeProfile } from "./types";

/** The demo profile of a cooperative: one of the three demo cooperatives, or a small generic one. */
export function demoProfile(cooperativeId: string): DemoCooperativeProfile {
  return (
    DEMO_COOPERATIVES.find((profile) => profile.id === cooperativeId) ?? {
      id: cooperativeId,
      name: cooperativeId,
      region: "Île-de-France",
      departments: ["75", "92", "93", "94"],
      size: 40,
    }
  );
}
