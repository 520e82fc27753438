using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The security headers of everything the bot serves, the chat page and its files above all. The page's
/// Content-Security-Policy allows exactly what the bundled Web Chat needs, found by running it in a browser under the
/// policy (the browser test fails on any violation):
/// <list type="bullet">
/// <item>scripts and the stylesheet from this site only (<c>lib/webchat.js</c>, <c>app.js</c>, <c>site.css</c>);</item>
/// <item>Web Chat's CSS-in-JS (emotion) adds <em>empty</em> style elements and fills them through the CSSOM, which the
/// policy does not govern: the hash of the empty string allows exactly those elements, and no inline CSS;</item>
/// <item>images from this site, <c>data:</c> (inline SVG icons) and <c>blob:</c> (the typing and sending animations
/// are GIFs Web Chat turns into blob URLs);</item>
/// <item>calls to this site (its Direct Line stream included), and in AzureDirectLine mode to Azure's Direct Line and its stream;</item>
/// <item>framing by this site and <see cref="WebChatOptions.AllowedOrigins"/> only.</item>
/// </list>
/// </summary>
public sealed class WebChatSecurityHeaders
{
    /// <summary>CSP hash source of the empty string.</summary>
    public const string EmptyStyleHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

    public WebChatSecurityHeaders(IOptions<WebChatOptions> options)
    {
        var settings = options.Value;
        var frameAncestors = string.Join(' ', new[] { "'self'" }.Concat(settings.AllowedOrigins.Select(o => WebChatOrigins.Normalize(o)!)));
        // 'self' covers this site's own WebSocket (ws: under http, wss: under https); Azure's stream is wss: on its host.
        var azure = new Uri(settings.DirectLineBaseUrl);
        var connectSources = settings.Mode == "BuiltIn"
            ? "'self'"
            : $"'self' {WebChatOrigins.Normalize(azure.GetLeftPart(UriPartial.Authority))} wss://{(azure.IsDefaultPort ? azure.IdnHost : azure.IdnHost + ":" + azure.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}";
        ContentSecurityPolicy = $"default-src 'none'; script-src 'self'; style-src 'self' {EmptyStyleHash}; img-src 'self' data: blob:; "
            + $"connect-src {connectSources}; base-uri 'none'; form-action 'none'; frame-ancestors {frameAncestors}";
    }

    /// <summary>One policy for every response: only documents apply it, and the page is the only document served.</summary>
    public string ContentSecurityPolicy { get; }

    public void AddTo(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";

        // The page links nowhere, and its address is nobody's business.
        headers["Referrer-Policy"] = "no-referrer";
    }
}
