/**
 * The Bot Framework channel adapter. CloudAdapter validates every request's JWT when
 * MicrosoftAppId is set; without it the SDK disables authentication, which config.ts allows only
 * outside production.
 */
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions } from 'botbuilder';
import type { Config } from '../../config';
import { ReusingBotFrameworkAuthentication } from './reusedConnectors';

export function createCloudAdapter(config: Config): CloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.microsoftAppId ?? '',
    MicrosoftAppPassword: config.microsoftAppPassword ?? '',
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
  };
  // One connector client per serviceUrl instead of one per request (reusedConnectors.ts).
  return new CloudAdapter(new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(options)));
}
