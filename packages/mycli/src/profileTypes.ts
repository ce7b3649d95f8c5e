import type { ProfileTypeDefinition } from '@edict/core';

/** mycli's own profile type: the connection settings every profile can share (`defaults.base`). */
export const profileTypes: ProfileTypeDefinition[] = [
  {
    type: 'base',
    summary: 'Connection settings shared by every profile',
    properties: {
      host: { type: 'string', description: 'Host name to connect to' },
      port: { type: 'number', description: 'Port to connect to' },
      user: { type: 'string', description: 'User name' },
      password: { type: 'string', secure: true, description: 'Password (kept in the credential store)' },
    },
    required: ['host'],
  },
];
