using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;

namespace FootDrop.Bot.Adapters;

/// <summary>
/// The user token client the adapter puts in every turn, built only when a turn first uses it. The SDK builds one per
/// turn whether or not the bot signs anyone in, and each build sets up a REST client (user agent regexes, serializer
/// settings), which made it the largest single cost of a turn. This bot has no sign-in, so normally none is ever built.
/// </summary>
internal sealed class LazyUserTokenClient(Func<Task<UserTokenClient>> create) : UserTokenClient
{
    private readonly Lazy<Task<UserTokenClient>> _inner = new(create);

    public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken)
        => await (await _inner.Value).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

    public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken)
        => await (await _inner.Value).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

    public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken)
        => await (await _inner.Value).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

    public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken)
        => await (await _inner.Value).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

    public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken)
        => await (await _inner.Value).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

    public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken)
        => await (await _inner.Value).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

    /// <summary>True once a turn has used the client, so the real one was built.</summary>
    public bool IsCreated => _inner.IsValueCreated;

    protected override void Dispose(bool disposing)
    {
        if (disposing && _inner.IsValueCreated && _inner.Value.IsCompletedSuccessfully)
        {
            _inner.Value.Result.Dispose();
        }

        base.Dispose(disposing);
    }
}
