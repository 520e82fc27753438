using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// Wraps the SDK's authentication so connector clients are reused across turns. Stock CloudAdapter builds a new
/// ConnectorClient for every turn, and each brings a fresh Newtonsoft contract resolver, so every reply re-reflects
/// the Activity type graph; that per-turn cost dominates the bot's CPU time under normal delivery.
/// Clients are keyed by everything that makes them differ: the caller's identity claims, the serviceUrl and the audience.
/// The user token client, which the adapter also asks for on every turn, is built only if the turn uses it
/// (<see cref="LazyUserTokenClient"/>).
/// </summary>
public sealed class ConnectorClientCache(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    /// <summary>Distinct service URLs are few (one per channel region); past this many, clients are simply not cached.</summary>
    private const int MaxClients = 256;

    private readonly ConcurrentDictionary<string, Lazy<Task<IConnectorClient>>> _clients = new(StringComparer.Ordinal);

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        // The adapter takes the turn's connector factory from this result, not from CreateConnectorFactory.
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        if (result.ConnectorFactory is not null)
        {
            result.ConnectorFactory = new CachingConnectorFactory(this, result.ConnectorFactory, IdentityKey(result.ClaimsIdentity));
        }

        return result;
    }

    public override Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
        => inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity)
        => new CachingConnectorFactory(this, inner.CreateConnectorFactory(claimsIdentity), IdentityKey(claimsIdentity));

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken)
        => Task.FromResult<UserTokenClient>(new LazyUserTokenClient(() => inner.CreateUserTokenClientAsync(claimsIdentity, CancellationToken.None)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken)
        => inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private static string IdentityKey(ClaimsIdentity identity)
        => string.Join('|', identity.Claims
            .Where(c => c.Type is AuthenticationConstants.AudienceClaim or AuthenticationConstants.AppIdClaim or AuthenticationConstants.AuthorizedParty or AuthenticationConstants.VersionClaim)
            .OrderBy(c => c.Type, StringComparer.Ordinal)
            .Select(c => c.Type + "=" + c.Value));

    private async Task<IConnectorClient> GetOrCreateAsync(ConnectorFactory factory, string key, string serviceUrl, string audience, CancellationToken cancellationToken)
    {
        if (_clients.Count >= MaxClients && !_clients.ContainsKey(key))
        {
            return await factory.CreateAsync(serviceUrl, audience, cancellationToken);
        }

        var lazy = _clients.GetOrAdd(key, _ => new Lazy<Task<IConnectorClient>>(() => factory.CreateAsync(serviceUrl, audience, CancellationToken.None)));
        try
        {
            return new SharedConnectorClient(await lazy.Value);
        }
        catch
        {
            _clients.TryRemove(key, out _);
            throw;
        }
    }

    private sealed class CachingConnectorFactory(ConnectorClientCache cache, ConnectorFactory inner, string identityKey) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken)
            => cache.GetOrCreateAsync(inner, identityKey + "|" + serviceUrl + "|" + audience, serviceUrl, audience, cancellationToken);
    }

    /// <summary>The adapter disposes the turn's connector client when the turn ends; a shared one must survive that.</summary>
    private sealed class SharedConnectorClient(IConnectorClient shared) : IConnectorClient
    {
        public Uri BaseUri
        {
            get => shared.BaseUri;
            set => shared.BaseUri = value;
        }

        public JsonSerializerSettings SerializationSettings => shared.SerializationSettings;

        public JsonSerializerSettings DeserializationSettings => shared.DeserializationSettings;

        public ServiceClientCredentials Credentials => shared.Credentials;

        public IAttachments Attachments => shared.Attachments;

        public IConversations Conversations => shared.Conversations;

        public void Dispose()
        {
        }
    }
}
