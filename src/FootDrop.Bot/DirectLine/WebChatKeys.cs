using System.Security.Cryptography;
using System.Text;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The keys that sign what the web widget hands to browsers: Direct Line tokens and stream tickets, and web identities.
/// Each is derived from one master key (<see cref="WebChatOptions.TokenSigningKey"/>, or one kept in the store so every
/// instance on it and every restart share it), with its own label, so a token of one kind can never pass for another.
/// Loaded before the app takes requests (<see cref="WebChatStartup"/>).
/// </summary>
public sealed class WebChatKeys
{
    private byte[]? _tokens;
    private byte[]? _identities;

    /// <summary>Signs Direct Line tokens and stream tickets.</summary>
    public byte[] Tokens => _tokens ?? throw NotLoaded();

    /// <summary>Signs web identities.</summary>
    public byte[] Identities => _identities ?? throw NotLoaded();

    public bool IsLoaded => _tokens is not null;

    internal void Load(byte[] master)
    {
        _identities = HMACSHA256.HashData(master, "footdrop/web-identity"u8);
        _tokens = HMACSHA256.HashData(master, "footdrop/directline-token"u8);
    }

    private static InvalidOperationException NotLoaded() => new("The web chat's signing keys are not loaded yet: they are loaded when the host starts.");
}

/// <summary><c>base64url(payload).base64url(HMAC-SHA256(payload))</c>: checked without a lookup; a forged or altered one fails.</summary>
internal static class SignedText
{
    public const int MaxLength = 2048;

    public static string Sign(byte[] key, string text)
    {
        var payload = Encoding.UTF8.GetBytes(text);
        return Base64Url(payload) + "." + Base64Url(HMACSHA256.HashData(key, payload));
    }

    /// <summary>The signed text, or null for anything not signed with <paramref name="key"/>.</summary>
    public static string? Open(byte[] key, string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.');
        if (dot <= 0 || !TryFromBase64Url(token[..dot], out var payload) || !TryFromBase64Url(token[(dot + 1)..], out var signature))
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)) ? Encoding.UTF8.GetString(payload) : null;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static bool TryFromBase64Url(string text, out byte[] bytes)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        padded += (padded.Length % 4) switch { 2 => "==", 3 => "=", _ => string.Empty };
        bytes = new byte[padded.Length];
        return Convert.TryFromBase64String(padded, bytes, out var written) && (bytes = bytes[..written]).Length > 0;
    }
}
