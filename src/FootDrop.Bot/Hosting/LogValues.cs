using System.Buffers;

namespace FootDrop.Bot.Hosting;

/// <summary>
/// Fields from a request that go into logs. Without credentials (Emulator, the fuzz test) the sender chooses the
/// channel id and activity type, so they are logged only when they look like one; anything else could be a message.
/// </summary>
public static class LogValues
{
    public const string Unrecognised = "(unrecognised)";

    private static readonly SearchValues<char> s_tokenChars = SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/");

    /// <summary>The value itself if it is a short identifier (letters, digits, <c>.</c>, <c>_</c>, <c>-</c>, <c>/</c>), else a placeholder.</summary>
    public static string Token(string? value)
        => string.IsNullOrEmpty(value) ? "(none)"
            : value.Length <= 40 && !value.AsSpan().ContainsAnyExcept(s_tokenChars) ? value
            : Unrecognised;
}
