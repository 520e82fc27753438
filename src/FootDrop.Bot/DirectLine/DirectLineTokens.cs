using System.Globalization;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>What a built-in Direct Line token grants: one conversation, one user, until it expires.</summary>
public sealed record DirectLineGrant(string ConversationId, string UserId, DateTimeOffset Expires);

/// <summary>
/// Signs and checks the built-in Direct Line's tokens (<c>conversation|user|expiry</c>) and stream tickets
/// (<c>stream|conversation|user|expiry</c>, the <c>t</c> of a <c>streamUrl</c>, good for opening a WebSocket for a few
/// minutes). Stateless, so any instance with the same key checks them without a lookup.
/// </summary>
public sealed class DirectLineTokens(WebChatKeys keys, IOptions<WebChatOptions> options, TimeProvider time)
{
    /// <summary>How long a stream URL may wait before its socket is opened; Web Chat opens it at once and asks for a new one on every reconnect.</summary>
    public static readonly TimeSpan StreamTicketLifetime = TimeSpan.FromMinutes(5);

    private const string StreamKind = "stream";

    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.TokenLifetimeSeconds);

    public int LifetimeSeconds => (int)_lifetime.TotalSeconds;

    public string Issue(string conversationId, string userId)
        => SignedText.Sign(keys.Tokens, $"{conversationId}|{userId}|{Expiry(_lifetime)}");

    /// <summary>The grant of a valid, unexpired token; null for anything else.</summary>
    public DirectLineGrant? Validate(string? token)
        => SignedText.Open(keys.Tokens, token)?.Split('|') is [var conversationId, var userId, var expires] ? Grant(conversationId, userId, expires) : null;

    public string IssueStreamTicket(string conversationId, string userId)
        => SignedText.Sign(keys.Tokens, $"{StreamKind}|{conversationId}|{userId}|{Expiry(StreamTicketLifetime)}");

    /// <summary>The grant of a valid, unexpired stream ticket; null for anything else, a token included.</summary>
    public DirectLineGrant? ValidateStreamTicket(string? ticket)
        => SignedText.Open(keys.Tokens, ticket)?.Split('|') is [StreamKind, var conversationId, var userId, var expires] ? Grant(conversationId, userId, expires) : null;

    /// <summary>The bearer token of a request, if it has one.</summary>
    public static string? FromHeader(string? authorization)
        => authorization is not null && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;

    private string Expiry(TimeSpan lifetime) => time.GetUtcNow().Add(lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    private DirectLineGrant? Grant(string conversationId, string userId, string expiresText)
    {
        if (!long.TryParse(expiresText, NumberStyles.None, CultureInfo.InvariantCulture, out var expiresUnix))
        {
            return null;
        }

        var expires = DateTimeOffset.FromUnixTimeSeconds(expiresUnix);
        return expires <= time.GetUtcNow() ? null : new DirectLineGrant(conversationId, userId, expires);
    }
}
