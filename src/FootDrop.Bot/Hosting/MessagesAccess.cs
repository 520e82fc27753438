using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Hosting;

/// <summary>How <c>/api/messages</c> treats requests, decided once at start-up from the environment and the settings.</summary>
public enum MessagesAccessMode
{
    /// <summary>Credentials are configured: the SDK requires a Bot Framework token and trusts the channel's serviceUrl.</summary>
    Authenticated,

    /// <summary>No credentials in the Development environment (<c>dotnet run</c>): Emulator connects anonymously, as always.</summary>
    DevelopmentAnonymous,

    /// <summary>No credentials elsewhere, with <c>Bot:AllowAnonymous</c>: anonymous, but replies go only to allowed service URLs.</summary>
    AnonymousAllowList,

    /// <summary>No credentials elsewhere: every request is refused, so the bot never calls out on a stranger's behalf.</summary>
    Refused,
}

/// <summary>
/// Keeps <c>/api/messages</c> from being an open relay. Without credentials the SDK accepts any activity and sends its
/// replies to the activity's <c>serviceUrl</c>, so on a reachable host anyone could make the bot call internal addresses.
/// Anonymous use therefore stays where it belongs: the Development environment, or a private machine that opts in.
/// </summary>
public sealed class MessagesAccess
{
    public const string RefusedDetail =
        "This bot has no Azure Bot credentials, so /api/messages accepts no requests outside the Development environment. "
        + "Set MicrosoftAppType, MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId from the bot's Azure Bot registration, "
        + "or, on a private machine only, set Bot:AllowAnonymous=true (replies then go only to Bot:AllowedServiceUrls, loopback by default). "
        + "The web chat page needs neither.";

    private readonly (string Scheme, string Host, int Port)[] _allowedOrigins;

    public MessagesAccess(IOptions<BotCredentialsOptions> credentials, IOptions<BotAccessOptions> access, IHostEnvironment environment)
    {
        Mode = !credentials.Value.IsAnonymous ? MessagesAccessMode.Authenticated
            : environment.IsDevelopment() ? MessagesAccessMode.DevelopmentAnonymous
            : access.Value.AllowAnonymous ? MessagesAccessMode.AnonymousAllowList
            : MessagesAccessMode.Refused;
        _allowedOrigins = [.. access.Value.AllowedServiceUrls.Select(url => new Uri(url)).Select(uri => (uri.Scheme, uri.IdnHost, uri.Port))];
    }

    public MessagesAccessMode Mode { get; }

    /// <summary>Whether the bot may send replies to <paramref name="serviceUrl"/> in this mode.</summary>
    public bool AllowsServiceUrl(string serviceUrl)
    {
        if (Mode != MessagesAccessMode.AnonymousAllowList)
        {
            return Mode != MessagesAccessMode.Refused;
        }

        return Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri) && IsAllowed(uri);
    }

    private bool IsAllowed(Uri serviceUrl)
    {
        if (_allowedOrigins.Length == 0)
        {
            return IsLoopback(serviceUrl);
        }

        return _allowedOrigins.Any(o =>
            string.Equals(o.Scheme, serviceUrl.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(o.Host, serviceUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
            && o.Port == serviceUrl.Port);
    }

    // Uri reads the host as written (localhost, 127.0.0.0/8, ::1 and their other spellings) and never resolves it:
    // a name that merely resolves to loopback today could point elsewhere tomorrow.
    private static bool IsLoopback(Uri uri)
        => (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.IsLoopback;
}
