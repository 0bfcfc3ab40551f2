import {
  coreServices,
  createServiceFactory,
  type AuthService,
} from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';

/**
 * The test backend's mock auth service, except that a plugin calling
 * another on behalf of a user gets a user token that names the calling
 * plugin as its actor, as Backstage's real auth service issues. The
 * permission backend answers a conditional decision (the catalog's
 * entity read for a limited user) only to such a call; the plain mock
 * drops the actor.
 */
export const onBehalfOfAuthServiceFactory = createServiceFactory({
  service: coreServices.auth,
  deps: { plugin: coreServices.pluginMetadata },
  factory({ plugin }): AuthService {
    const inner = mockServices.auth({ pluginId: plugin.getId() });
    return {
      authenticate: (token, options) => inner.authenticate(token, options),
      getNoneCredentials: () => inner.getNoneCredentials(),
      getOwnServiceCredentials: () => inner.getOwnServiceCredentials(),
      isPrincipal: inner.isPrincipal.bind(inner) as AuthService['isPrincipal'],
      getLimitedUserToken: credentials =>
        inner.getLimitedUserToken(credentials),
      listPublicServiceKeys: () => inner.listPublicServiceKeys(),
      async getPluginRequestToken(options) {
        const credentials = options.onBehalfOf;
        if (!inner.isPrincipal(credentials, 'user')) {
          return inner.getPluginRequestToken(options);
        }
        return {
          token: mockCredentials.user.token(
            credentials.principal.userEntityRef,
            {
              actor: { subject: `plugin:${plugin.getId()}` },
            },
          ),
        };
      },
    };
  },
});
