using Microsoft.Extensions.Options;

namespace FootDrop.Bot.Hosting;

/// <summary>
/// The Azure Bot registration, under the Bot Framework's own configuration keys (read at the configuration root,
/// as every Bot Framework sample and the SDK's ConfigurationBotFrameworkAuthentication do).
/// Empty credentials mean local, anonymous use, which is how Bot Framework Emulator connects.
/// </summary>
public sealed class BotCredentialsOptions
{
    public const string MultiTenant = "MultiTenant";
    public const string SingleTenant = "SingleTenant";
    public const string UserAssignedMsi = "UserAssignedMSI";

    public string? MicrosoftAppType { get; set; }

    public string? MicrosoftAppId { get; set; }

    public string? MicrosoftAppPassword { get; set; }

    public string? MicrosoftAppTenantId { get; set; }

    public bool IsAnonymous => string.IsNullOrWhiteSpace(MicrosoftAppId);
}

internal sealed class BotCredentialsOptionsValidator : IValidateOptions<BotCredentialsOptions>
{
    public ValidateOptionsResult Validate(string? name, BotCredentialsOptions options)
    {
        var failures = new List<string>();
        var type = string.IsNullOrWhiteSpace(options.MicrosoftAppType) ? BotCredentialsOptions.MultiTenant : options.MicrosoftAppType.Trim();
        var hasId = !string.IsNullOrWhiteSpace(options.MicrosoftAppId);
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        var hasTenant = !string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId);

        if (!string.Equals(type, BotCredentialsOptions.MultiTenant, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, BotCredentialsOptions.SingleTenant, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(type, BotCredentialsOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            failures.Add($"MicrosoftAppType '{type}' is not one of {BotCredentialsOptions.MultiTenant}, {BotCredentialsOptions.SingleTenant} or {BotCredentialsOptions.UserAssignedMsi}.");
        }

        if (!hasId)
        {
            if (hasPassword)
            {
                failures.Add("MicrosoftAppPassword is set but MicrosoftAppId is empty: set both, or neither for local anonymous use.");
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppType) && !string.Equals(type, BotCredentialsOptions.MultiTenant, StringComparison.OrdinalIgnoreCase))
            {
                failures.Add($"MicrosoftAppType is {type} but MicrosoftAppId is empty.");
            }
        }
        else if (string.Equals(type, BotCredentialsOptions.SingleTenant, StringComparison.OrdinalIgnoreCase))
        {
            if (!hasTenant)
            {
                failures.Add("MicrosoftAppType is SingleTenant but MicrosoftAppTenantId is empty: set the Entra ID tenant of the bot's app registration.");
            }

            if (!hasPassword)
            {
                failures.Add("MicrosoftAppType is SingleTenant but MicrosoftAppPassword is empty: set the app registration's client secret.");
            }
        }
        else if (string.Equals(type, BotCredentialsOptions.UserAssignedMsi, StringComparison.OrdinalIgnoreCase))
        {
            if (!hasTenant)
            {
                failures.Add("MicrosoftAppType is UserAssignedMSI but MicrosoftAppTenantId is empty.");
            }

            if (hasPassword)
            {
                failures.Add("MicrosoftAppType is UserAssignedMSI, which uses no password: leave MicrosoftAppPassword empty.");
            }
        }
        else if (!hasPassword)
        {
            failures.Add("MicrosoftAppType is MultiTenant but MicrosoftAppPassword is empty.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
