using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FootDrop.Bot.DirectLine;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Reminders;

/// <summary>What a calendar link grants: the calendar file of one user's current schedule, until it expires.</summary>
public sealed record CalendarGrant(string ChannelId, string UserId, string Version);

/// <summary>
/// Signed links to a user's calendar file: <c>/api/reminders/calendar/{base64url(channel|user|version|expiry)}.{HMAC}</c>.
/// A browser opens a link without any header, so the link itself is the permission. It names the schedule's version:
/// once the reminder is changed, stopped or deleted, an old link finds nothing. The key is derived from
/// <c>WebChat:TokenSigningKey</c>, which several instances share; without it, a random key per start.
/// </summary>
public sealed class CalendarLinks
{
    public const string Path = "/api/reminders/calendar/";

    private readonly byte[] _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;
    private readonly IHttpContextAccessor _http;

    public CalendarLinks(IOptions<WebChatOptions> webChat, IOptions<ReminderOptions> options, TimeProvider time, IHttpContextAccessor http)
    {
        var configured = webChat.Value.TokenSigningKey;
        var root = string.IsNullOrWhiteSpace(configured) ? RandomNumberGenerator.GetBytes(32) : Encoding.UTF8.GetBytes(configured);

        // Its own key, so a calendar link can never pass as a Direct Line token or the other way round.
        _key = HMACSHA256.HashData(root, "FootDrop.Bot/reminder-calendar-link"u8);
        _time = time;
        _lifetime = options.Value.CalendarLinkLifetime;
        _http = http;
    }

    /// <summary>The link, absolute when the turn came in over HTTP (the page's own address), else relative.</summary>
    public string Create(string channelId, string userId, string version)
    {
        var expires = _time.GetUtcNow().Add(_lifetime).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', channelId, userId, version, expires));
        var path = Path + Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(_key, payload));
        var request = _http.HttpContext?.Request;
        return request is null ? path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }

    /// <summary>The grant of a valid, unexpired link token; null for anything else.</summary>
    public CalendarGrant? Validate(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return null;
        }

        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 4 || !long.TryParse(parts[3], NumberStyles.Integer, CultureInfo.InvariantCulture, out var expires)
            || DateTimeOffset.FromUnixTimeSeconds(expires) < _time.GetUtcNow())
        {
            return null;
        }

        return new CalendarGrant(parts[0], parts[1], parts[2]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length >= 0;
    }
}
