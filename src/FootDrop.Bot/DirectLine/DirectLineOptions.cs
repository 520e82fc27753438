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

    /// <summary>
    /// Other sites (a clinic's own pages, as <c>https://host[:port]</c>) that may show the page in a frame
    /// (<c>frame-ancestors</c>) and call the Direct Line and token endpoints from their own scripts (CORS).
    /// </summary>
    public string[] AllowedOrigins { get; set; } = [];

    /// <summary>
    /// The key that signs built-in Direct Line tokens and web identities; the same on every instance. When empty, one
    /// is made at first start and kept in the database (SQLite, PostgreSQL), so every instance on it and every restart
    /// share it; with memory storage it is random per process.
    /// </summary>
    public string? TokenSigningKey { get; set; }

    /// <summary>
    /// Whether the page receives activities over Direct Line's WebSocket stream (at once) rather than polling once a
    /// second. Turn off only behind a proxy that cannot carry WebSockets; the page also falls back by itself.
    /// </summary>
    public bool WebSocket { get; set; } = true;

    [Range(60, 86_400)]
    public int TokenLifetimeSeconds { get; set; } = 1800;

    /// <summary>Activities kept per conversation; older ones are dropped (the watermark keeps counting).</summary>
    [Range(10, 10_000)]
    public int MaxHistory { get; set; } = 500;

    /// <summary>Bytes of activities (their JSON) kept per conversation; older ones are dropped. The newest always stays.</summary>
    [Range(4 * 1024, 16 * 1024 * 1024)]
    public int MaxHistoryBytes { get; set; } = 64 * 1024;

    /// <summary>Bytes of activities kept over all conversations; past it the largest histories lose their oldest activities.</summary>
    [Range(1024 * 1024, 16L * 1024 * 1024 * 1024)]
    public long MaxTotalHistoryBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>Live conversations at once; a new one beyond this gets 429 until an idle one is forgotten.</summary>
    [Range(1, 1_000_000)]
    public int MaxConversations { get; set; } = 5_000;

    /// <summary>Tokens (new, refreshed or exchanged with Azure) and conversation starts, each, per client address per window.</summary>
    [Range(1, 1_000_000)]
    public int TokensPerMinute { get; set; } = 10;

    /// <summary>Activities one conversation may post per window.</summary>
    [Range(1, 1_000_000)]
    public int PostsPerMinute { get; set; } = 60;

    /// <summary>Polls (GET activities) one conversation may make per window; Web Chat polls about once a second.</summary>
    [Range(1, 1_000_000)]
    public int GetsPerMinute { get; set; } = 120;

    /// <summary>The window the "per minute" limits count over. One minute; tests shorten it.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the Azure Direct Line token exchange may take before the page gets 504.</summary>
    public TimeSpan TokenExchangeTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Built-in conversations with no activity for this long are forgotten.</summary>
    public TimeSpan ConversationIdleTimeout { get; set; } = TimeSpan.FromHours(1);
}
