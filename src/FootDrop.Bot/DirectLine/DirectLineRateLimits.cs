using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// The web widget's limits, with ASP.NET Core's rate limiting middleware: token and conversation creation per client
/// address, posts and polls per conversation. Each is a token bucket: a burst of the whole allowance, then one more
/// every window / allowance. A refused request gets 429 with Retry-After.
/// </summary>
public static partial class DirectLineRateLimits
{
    /// <summary>New, refreshed and Azure-exchanged tokens, per client address.</summary>
    public const string Tokens = "webchat-tokens";

    /// <summary>Conversation starts (and resumes), per client address.</summary>
    public const string Starts = "directline-starts";

    /// <summary>Posted activities, per conversation.</summary>
    public const string Posts = "directline-posts";

    /// <summary>Polls for activities, reconnects and stream opens, per conversation.</summary>
    public const string Reads = "directline-reads";

    // The partitioned limiter tops up its buckets on a 100 ms timer, so a faster period would be rounded up anyway.
    private static readonly TimeSpan s_shortestPeriod = TimeSpan.FromMilliseconds(100);

    public static IServiceCollection AddDirectLineRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RejectAsync;
            limiter.AddPolicy(Tokens, http => PerClient(http, Tokens, o => o.TokensPerMinute));
            limiter.AddPolicy(Starts, http => PerClient(http, Starts, o => o.TokensPerMinute));
            limiter.AddPolicy(Posts, http => PerConversation(http, o => o.PostsPerMinute));
            limiter.AddPolicy(Reads, http => PerConversation(http, o => o.GetsPerMinute));
        });
        return services;
    }

    /// <summary>
    /// The client's address as the partition: IPv4 as is, IPv6 by its /64, which one household or server usually holds
    /// whole. Behind a reverse proxy this is the proxy unless forwarded headers are enabled (see README).
    /// </summary>
    public static string ClientKey(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, string policy, Func<WebChatOptions, int> allowance)
        => Bucket(http, policy + "|" + ClientKey(http.Connection.RemoteIpAddress), allowance);

    /// <summary>
    /// Per conversation, for a request whose token (or, opening a stream, whose ticket) grants it; anything else (no
    /// token, another conversation's) is counted against its client address, so made-up conversation ids neither escape
    /// the limit nor create partitions at will.
    /// </summary>
    private static RateLimitPartition<string> PerConversation(HttpContext http, Func<WebChatOptions, int> allowance)
    {
        var tokens = http.RequestServices.GetRequiredService<DirectLineTokens>();
        var grant = tokens.Validate(DirectLineTokens.FromHeader(http.Request.Headers.Authorization))
            ?? tokens.ValidateStreamTicket(http.Request.Query["t"]);
        var conversationId = http.Request.RouteValues["conversationId"] as string;
        var key = grant is not null && string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal)
            ? "conversation|" + grant.ConversationId
            : "stranger|" + ClientKey(http.Connection.RemoteIpAddress);
        return Bucket(http, http.Request.Method + "|" + key, allowance);
    }

    private static RateLimitPartition<string> Bucket(HttpContext http, string key, Func<WebChatOptions, int> allowance)
    {
        var options = http.RequestServices.GetRequiredService<IOptions<WebChatOptions>>().Value;
        var permits = allowance(options);
        var window = options.RateLimitWindow;
        return RateLimitPartition.GetTokenBucketLimiter(key, _ =>
        {
            var period = TimeSpan.FromTicks(Math.Max(window.Ticks / permits, s_shortestPeriod.Ticks));
            var perPeriod = (int)Math.Max(1, Math.Round((double)permits * period.Ticks / window.Ticks));
            return new TokenBucketRateLimiterOptions
            {
                TokenLimit = permits,
                TokensPerPeriod = perPeriod,
                ReplenishmentPeriod = period,
                QueueLimit = 0,
                AutoReplenishment = true,
            };
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var http = rejected.HttpContext;
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.Headers.RetryAfter = Seconds(retryAfter);
        LogRejected(http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DirectLineRateLimits).FullName!), http.Request.Method, EndpointName(http));
        await Results.Problem("Too many requests; please wait a moment and try again.", statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }

    /// <summary>Whole seconds, rounded up, at least one: what <c>Retry-After</c> carries.</summary>
    public static string Seconds(TimeSpan wait) => Math.Max(1, (long)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);

    // The route pattern, not the path: the path carries the conversation id.
    private static string EndpointName(HttpContext http)
        => (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(unknown)";

    // Debug: under a flood, a line per refused request would be the flood again.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Rate limit reached: {Method} {Endpoint} answered 429")]
    private static partial void LogRejected(ILogger logger, string method, string endpoint);
}
