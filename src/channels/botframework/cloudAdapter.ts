/**
 * The Bot Framework channel adapter. CloudAdapter validates every request's JWT when
 * MicrosoftAppId is set; without it the SDK disables authentication, which config.ts allows only
 * outside production.
 */
import { Activity, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationBotFrameworkAuthenticationOptions, TurnContext } from 'botbuilder';
import { AuthenticationError } from 'botframework-connector';
import type { Request, Response } from 'express';
import type { Config } from '../../config';
import { ReusingBotFrameworkAuthentication } from './reusedConnectors';

/** What botbuilder's validateAndFixActivity does to a parsed body: wire timestamps become Dates (the raw string kept). */
function fixTimestamps(activity: Activity & Record<string, unknown>): Activity {
  for (const [field, raw] of [['timestamp', 'rawTimestamp'], ['expiration', 'rawExpiration'], ['localTimestamp', 'rawLocalTimestamp']] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}

/**
 * CloudAdapter whose HTTP entry skips the checks messagesRoute.ts has already made. The SDK's
 * `process` builds three zod schemas per request and runs the body through `z.record` twice
 * before anything else (zod and its copies were about 2 % of a turn with the garbage they leave);
 * here the validated body goes straight to the SDK's own `processActivity`, which authenticates
 * the request exactly as `process` would (the JWT, when credentials are set), runs the turn and
 * gives the expectReplies body or the invoke response.
 */
export class ValidatedCloudAdapter extends CloudAdapter {
  /** `req.body` must have passed messagesRoute's validateIncomingActivity. */
  async processValidated(req: Request, res: Response, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const activity = fixTimestamps(req.body as Activity & Record<string, unknown>);
    const authHeader = req.headers.authorization ?? '';
    let status: number;
    let body: unknown;
    try {
      const invokeResponse = await this.processActivity(authHeader, activity, logic);
      status = invokeResponse?.status ?? 200;
      body = invokeResponse?.body;
    } catch (err) {
      console.error(err); // as CloudAdapter.process: the SDK's own failures (never the activity)
      status = err instanceof AuthenticationError ? 401 : 500;
      body = (err as Error).message ?? err;
    }
    sendResult(res, status, body);
  }
}

const INTERNAL_ERROR = JSON.stringify({ error: { code: 'InternalError', message: 'Something went wrong on our side.' } });

/**
 * The turn's answer. A 5xx never carries the SDK's error text (it may describe internals): our
 * generic JSON instead. A JSON body (the expectReplies activities, an invoke response) is written
 * as it is: express's `send` would also hash it for an ETag, which no POST answer needs.
 */
function sendResult(res: Response, status: number, body: unknown): void {
  res.status(status);
  if (status >= 500) {
    res.type('application/json').end(INTERNAL_ERROR);
  } else if (body !== null && typeof body === 'object') {
    res.type('application/json').end(JSON.stringify(body));
  } else if (body) {
    res.send(body);
  } else {
    res.end();
  }
}

export function createCloudAdapter(config: Config): ValidatedCloudAdapter {
  const options: ConfigurationBotFrameworkAuthenticationOptions = {
    MicrosoftAppId: config.microsoftAppId ?? '',
    MicrosoftAppPassword: config.microsoftAppPassword ?? '',
    MicrosoftAppType: config.microsoftAppType,
    MicrosoftAppTenantId: config.microsoftAppTenantId ?? '',
  };
  // One connector client per serviceUrl instead of one per request (reusedConnectors.ts).
  return new ValidatedCloudAdapter(new ReusingBotFrameworkAuthentication(new ConfigurationBotFrameworkAuthentication(options)));
}
