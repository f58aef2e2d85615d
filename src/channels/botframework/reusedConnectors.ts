/**
 * CloudAdapter builds a new ConnectorClient (an Azure HTTP pipeline with its policies, credentials
 * and zod-validated options) and a new UserTokenClient for every incoming request — even with
 * `deliveryMode: expectReplies`, where nothing is sent through them. That was about 15 % of a turn
 * (issue #14). The clients hold no per-turn state: they depend only on the bot's app id, the
 * channel's serviceUrl and the audience, and fetch and cache their tokens lazily. So we keep one
 * per (app id, serviceUrl, audience), as the SDK's older BotFrameworkAdapter did.
 *
 * Authentication itself is untouched: with credentials, every request's JWT is still validated by
 * the wrapped BotFrameworkAuthentication before anything is reused. Without credentials (outside
 * production only, config.ts) the SDK ignores the header and gives every request the same
 * anonymous identity; once it has, that result is reused instead of being rebuilt per request.
 */
import {
  AuthenticateRequestResult, AuthenticationConstants, BotFrameworkAuthentication, BotFrameworkClient, ClaimsIdentity,
  ConnectorClient, ConnectorFactory, JwtTokenValidation, UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/** serviceUrls come from an allow-list or Microsoft's channels: few. A bound keeps a flood harmless. */
const MAX_CACHED = 64;

function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const hit = cache.get(key);
  if (hit) return hit;
  if (cache.size >= MAX_CACHED) cache.clear();
  const made = make();
  made.catch(() => cache.delete(key)); // a failure (no token yet, network) is not kept
  cache.set(key, made);
  return made;
}

/** What the SDK gives when authentication is disabled: no claims at all, and the anonymous type. */
function isAnonymous(identity: ClaimsIdentity): boolean {
  // authenticationType is private in the SDK's typings; it is what the SDK sets for this case.
  const type = (identity as unknown as { authenticationType?: unknown }).authenticationType;
  return identity.claims.length === 0 && type === AuthenticationConstants.AnonymousAuthType;
}

class ReusingConnectorFactory extends ConnectorFactory {
  constructor(private readonly inner: ConnectorFactory, private readonly appId: string, private readonly cache: Map<string, Promise<ConnectorClient>>) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return remember(this.cache, `${this.appId}\n${serviceUrl}\n${audience ?? ''}`, () => this.inner.create(serviceUrl, audience));
  }
}

export class ReusingBotFrameworkAuthentication extends BotFrameworkAuthentication {
  private readonly connectors = new Map<string, Promise<ConnectorClient>>();
  private readonly tokenClients = new Map<string, Promise<UserTokenClient>>();
  /** The SDK's answer with authentication disabled, once seen (never set when credentials are configured). */
  private anonymous: AuthenticateRequestResult | null = null;

  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  private reuse(factory: ConnectorFactory, identity: ClaimsIdentity): ConnectorFactory {
    return new ReusingConnectorFactory(factory, JwtTokenValidation.getAppIdFromClaims(identity.claims) ?? '', this.connectors);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    // The Emulator calling the bot as a skill gets a different anonymous identity: not reused.
    const emulatorSkill = activity.channelId === 'emulator' && activity.recipient?.role === 'skill';
    if (this.anonymous && !emulatorSkill) return { ...this.anonymous };
    const result = await this.inner.authenticateRequest(activity, authHeader);
    if (!result.connectorFactory) return result; // skill and streaming paths: nothing to reuse
    const reused = { ...result, connectorFactory: this.reuse(result.connectorFactory, result.claimsIdentity) };
    if (!emulatorSkill && isAnonymous(result.claimsIdentity)) this.anonymous = reused;
    return { ...reused };
  }

  override authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.reuse(this.inner.createConnectorFactory(claimsIdentity), claimsIdentity);
  }

  override createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId = JwtTokenValidation.getAppIdFromClaims(claimsIdentity.claims) ?? '';
    return remember(this.tokenClients, appId, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }
}
