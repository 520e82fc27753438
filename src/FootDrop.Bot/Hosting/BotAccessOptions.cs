using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Hosting;

/// <summary>
/// Who may use <c>/api/messages</c> when no Azure Bot credentials are configured (section <c>Bot</c>).
/// Without credentials nothing proves a request comes from a Bot Framework channel, and the bot would send its replies
/// to whatever <c>serviceUrl</c> the request names; see <see cref="MessagesAccess"/>.
/// </summary>
public sealed class BotAccessOptions
{
    public const string Section = "Bot";

    /// <summary>
    /// For a private machine only: accept unauthenticated activities outside the Development environment.
    /// Even then only activities whose <c>serviceUrl</c> is on <see cref="AllowedServiceUrls"/> are served.
    /// </summary>
    public bool AllowAnonymous { get; set; }

    /// <summary>
    /// Where anonymous activities may ask the bot to send its replies (scheme, host and port are compared).
    /// Empty means loopback only (<c>localhost</c>, 127.0.0.0/8, ::1), which is where Bot Framework Emulator listens.
    /// </summary>
    public string[] AllowedServiceUrls { get; set; } = [];
}

internal sealed class BotAccessOptionsValidator(IOptions<BotCredentialsOptions> credentials) : IValidateOptions<BotAccessOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAccessOptions options)
    {
        var failures = new List<string>();
        if (options.AllowAnonymous && !credentials.Value.IsAnonymous)
        {
            failures.Add("Bot:AllowAnonymous is true but MicrosoftAppId is set: with credentials every request needs a Bot Framework token. Remove one of the two.");
        }

        foreach (var url in options.AllowedServiceUrls)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                failures.Add($"Bot:AllowedServiceUrls has '{url}', which is not an absolute http or https URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
