using System.Globalization;
using System.Security.Cryptography;
using FootDrop.Bot.Storage;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>A web user's identity as the browser keeps it: the user id and the signed token that proves it.</summary>
public sealed record WebIdentityGrant(string UserId, string Token, DateTimeOffset Expires);

/// <summary>
/// The lasting identity of an anonymous web user: a random user id (128 bits, never guessable or derived from
/// anything), signed, kept by the browser (as Web Chat's samples keep <c>userID</c>) and presented on each page load,
/// so progress, streaks, the first-session safety check and "delete my data" work on the web as they do in Teams.
/// Each load renews it for <see cref="StorageOptions.WebUserIdleTimeout"/>: an identity unused that long is refused,
/// as its user state has expired by then. "Delete my data" has the page forget it.
/// </summary>
public sealed class WebIdentity(WebChatKeys keys, IStorage storage, IOptions<StorageOptions> storageOptions, TimeProvider time)
{
    /// <summary>The channel web users' state is kept under: the built-in Direct Line's, and Azure's Direct Line's.</summary>
    public const string ChannelId = DirectLineAdapter.ChannelId;

    /// <summary>The event the bot sends after "delete my data" on the web: the page then forgets the identity it keeps.</summary>
    public const string ForgetEventName = "footdrop.forgetIdentity";

    private const string Kind = "identity";

    /// <summary>A new user with a new random id.</summary>
    public WebIdentityGrant CreateNew() => Issue(NewUserId());

    /// <summary>The same user with a fresh expiry, if <paramref name="token"/> is a valid, unexpired identity; otherwise null.</summary>
    public WebIdentityGrant? Renew(string? token) => Validate(token) is { } userId ? Issue(userId) : null;

    /// <summary>The user id of a valid, unexpired identity token; null for anything else.</summary>
    public string? Validate(string? token)
    {
        if (SignedText.Open(keys.Identities, token)?.Split('|') is not [Kind, var userId, var expiresText]
            || !long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expires))
        {
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(expires) > time.GetUtcNow() ? userId : null;
    }

    /// <summary>
    /// Notes that the user is here, so their user state does not expire while they keep coming back without changing
    /// it. Cheap on every page load: the store writes at most once an hour per user.
    /// </summary>
    public Task MarkSeenAsync(string userId, CancellationToken cancellationToken)
        => storage is IUserStateExpiry expiry ? expiry.MarkUserSeenAsync(StateKeys.UserKey(ChannelId, userId), cancellationToken) : Task.CompletedTask;

    /// <summary>A random user id for the web: <c>user-</c> and 32 hex digits.</summary>
    public static string NewUserId() => "user-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    private WebIdentityGrant Issue(string userId)
    {
        var expires = time.GetUtcNow().Add(storageOptions.Value.WebUserIdleTimeout);
        var token = SignedText.Sign(keys.Identities, $"{Kind}|{userId}|{expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}");
        return new WebIdentityGrant(userId, token, DateTimeOffset.FromUnixTimeSeconds(expires.ToUnixTimeSeconds()));
    }
}
