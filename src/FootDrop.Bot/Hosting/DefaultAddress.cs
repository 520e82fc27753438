namespace FootDrop.Bot.Hosting;

public static class DefaultAddress
{
    /// <summary>The Bot Framework convention, which Emulator and the samples assume.</summary>
    public const string Url = "http://localhost:3978";

    /// <summary>
    /// Listens on <see cref="Url"/> unless an address was given the usual ASP.NET Core ways
    /// (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, or <c>Urls</c> in settings).
    /// </summary>
    public static WebApplicationBuilder UseDefaultBotAddress(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var configured = configuration["urls"] ?? configuration["http_ports"] ?? configuration["https_ports"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            builder.WebHost.UseUrls(Url);
        }

        return builder;
    }
}
