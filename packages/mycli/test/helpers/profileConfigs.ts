/** A hand-edited project config file of the test CLI `procli`, with comments and a nested profile. */
export const HAND_EDITED = `{
  // Our team's servers: keep this comment
  "$schema": "./procli.schema.json",
  "profiles": {
    "dev": {
      "properties": { "host": "dev.example.test" }, // shared by the nested ones
      "profiles": {
        "greeter": { "type": "greeter", "properties": { "greeting": "Hi" } }
      }
    }
  },
  "defaults": { "greeter": "dev.greeter" }
}
`;
