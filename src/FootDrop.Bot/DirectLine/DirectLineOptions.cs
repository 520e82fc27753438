using System.ComponentModel.DataAnnotations;

namespace FootDrop.Bot.DirectLine;

/// <summary>The web widget (section <c>WebChat</c>): which Direct Line the page talks to, and the built-in one's limits.</summary>
public sealed class WebChatOptions
{
    public const string Section = "WebChat";

    /// <summary><c>BuiltIn</c>: the bot's own Direct Line under /v3/directline. <c>AzureDirectLine</c>: Azure Bot Service.</summary>
    [RegularExpression("^(BuiltIn|AzureDirectLine)$", ErrorMessage = "WebChat:Mode must be BuiltIn or AzureDirectLine.")]
    public string Mode { get; set; } = "BuiltIn";

    /// <summary>The Azure Direct Line secret (AzureDirectLine mode). Exchanged for a token server-side; never sent to a browser.</summary>
    public string? DirectLineSecret { get; set; }

    /// <summary>Azure Direct Line's address (a regional one, or a loopback fake in tests).</summary>
    [Url]
    public string DirectLineBaseUrl { get; set; } = "https://directline.botframework.com/";

    /// <summary>Origins allowed to call the Direct Line and token endpoints from another site (a clinic's own pages).</summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>The key that signs built-in Direct Line tokens; a random one per process when empty.</summary>
    public string? TokenSigningKey { get; set; }

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Activities kept per conversation; older ones are dropped (the watermark keeps counting).</summary>
    [Range(10, 10_000)]
    public int MaxHistory { get; set; } = 500;

    /// <summary>Activities one token may post per minute.</summary>
    [Range(1, 10_000)]
    public int PostsPerMinute { get; set; } = 60;

    /// <summary>Built-in conversations with no activity for this long are forgotten.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);
}
