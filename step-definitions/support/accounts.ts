/** Credentials of the built-in default scenario (fixtures/scenarios/default.yaml). */
export const DEFAULT_PASSWORD = 'Passw0rd!';
export const SUPER_USER = 'svc-ews@acme.test';
