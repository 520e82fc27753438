using System.Globalization;
using System.Text;
using FootDrop.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible endpoint under /v3/directline, enough for Bot Framework Web Chat: start a conversation
/// or reconnect to one (both give a <c>streamUrl</c>), receive activities over that WebSocket or by polling with a
/// watermark, post an activity, refresh a token. Every call may reach any instance: the conversations live in the
/// shared store.
/// </summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "webchat";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimits.Starts);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapGet("/conversations/{conversationId}/stream", (HttpContext http, string conversationId, string? watermark, string? t, DirectLineStreams streams) => streams.HandleAsync(http, conversationId, watermark, t))
            .RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimits.Posts);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapPost("/tokens/refresh", RefreshTokenAsync).RequireRateLimiting(DirectLineRateLimits.Tokens);
        return app;
    }

    /// <summary>Starts (or, for a token already bound to one, resumes) a conversation; the bot hears a conversationUpdate.</summary>
    private static async Task<IResult> StartConversationAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot, CancellationToken cancellationToken)
    {
        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization));
        if (grant is null)
        {
            return Results.Problem("A valid Direct Line token is needed; get one from /api/webchat/token.", statusCode: StatusCodes.Status403Forbidden);
        }

        var start = await conversations.StartAsync(grant.ConversationId, grant.UserId, cancellationToken);
        if (start == ConversationStart.Full)
        {
            return await FullAsync(conversations, cancellationToken);
        }

        var isNew = start == ConversationStart.Started;
        if (isNew)
        {
            var update = new Activity(ActivityTypes.ConversationUpdate)
            {
                ChannelId = DirectLineAdapter.ChannelId,
                ServiceUrl = DirectLineAdapter.ServiceUrl,
                Conversation = new ConversationAccount(id: grant.ConversationId),
                From = new ChannelAccount(grant.UserId, role: RoleTypes.User),
                Recipient = DirectLineAdapter.BotAccount,
                MembersAdded = [DirectLineAdapter.BotAccount, new ChannelAccount(grant.UserId, role: RoleTypes.User)],
                Id = Guid.NewGuid().ToString("N"),
            };
            await adapter.ProcessAsync(update, bot, cancellationToken);
        }

        return Results.Json(Conversation(request, tokens, grant, watermark: null), statusCode: isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    /// <summary>
    /// Direct Line's reconnect: a fresh token and <c>streamUrl</c> for a live conversation, from <paramref name="watermark"/>.
    /// Web Chat calls it when it is given a conversation to resume, and after every closed socket.
    /// </summary>
    private static async Task<IResult> ReconnectAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (Authorize(request, tokens, conversationId) is not { } grant)
        {
            return Forbidden();
        }

        if (await conversations.FindAsync(conversationId, cancellationToken) is null)
        {
            return Gone();
        }

        return Results.Json(Conversation(request, tokens, grant, watermark));
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot, CancellationToken cancellationToken)
    {
        if (Authorize(request, tokens, conversationId) is not { } grant)
        {
            return Forbidden();
        }

        if (await conversations.FindAsync(conversationId, cancellationToken) is null)
        {
            return Gone();
        }

        if (request.ContentLength > MessagesEndpoint.MaxBodyBytes)
        {
            return Results.Problem("The activity is larger than 256 KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        var body = await MessagesEndpoint.ReadBodyAsync(request, cancellationToken);
        if (body is null)
        {
            return Results.Problem("The activity is larger than 256 KB.", statusCode: StatusCodes.Status413PayloadTooLarge);
        }

        Activity? activity;
        try
        {
            activity = JsonConvert.DeserializeObject<Activity>(body, MessagesEndpoint.SerializerSettings);
        }
        catch (JsonException)
        {
            activity = null;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return Results.Problem("The body is not a JSON activity.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The channel, not the client, decides who the user is and where the activity belongs.
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = DirectLineAdapter.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount(grant.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = DirectLineAdapter.BotAccount;
        activity.Timestamp = DateTimeOffset.UtcNow;
        if (!await conversations.AppendAsync(conversationId, activity, cancellationToken))
        {
            return Gone();
        }

        await adapter.ProcessAsync(activity, bot, cancellationToken);
        return Results.Json(new { id = activity.Id });
    }

    private static async Task<IResult> GetActivitiesAsync(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, CancellationToken cancellationToken)
    {
        if (Authorize(request, tokens, conversationId) is null)
        {
            return Forbidden();
        }

        var page = await conversations.ReadAsync(conversationId, ParseWatermark(watermark), cancellationToken);
        return page is null ? Gone() : new ActivitySetResult(page);
    }

    private static async Task<IResult> RefreshTokenAsync(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, WebIdentity identities, CancellationToken cancellationToken)
    {
        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization));
        if (grant is null || await conversations.FindAsync(grant.ConversationId, cancellationToken) is null)
        {
            return Results.Problem("The token is invalid or expired, or its conversation is gone.", statusCode: StatusCodes.Status403Forbidden);
        }

        // Web Chat refreshes every 15 minutes while the page is open: someone reading without typing is still here.
        await identities.MarkSeenAsync(grant.UserId, cancellationToken);
        return Results.Json(new { conversationId = grant.ConversationId, token = tokens.Issue(grant.ConversationId, grant.UserId), expires_in = tokens.LifetimeSeconds });
    }

    /// <summary>A watermark as Direct Line sends it: digits, or nothing (from the start).</summary>
    public static long? ParseWatermark(string? watermark)
        => long.TryParse(watermark, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;

    /// <summary>429 with Retry-After when the cap on live conversations is reached.</summary>
    internal static async Task<IResult> FullAsync(DirectLineConversations conversations, CancellationToken cancellationToken)
        => new RetryAfterResult(
            await conversations.RetryAfterWhenFullAsync(cancellationToken),
            Results.Problem("The chat is busy right now; please try again in a few minutes. In an emergency, call your local emergency number.", statusCode: StatusCodes.Status429TooManyRequests));

    /// <summary>What start and reconnect answer, as Azure's Direct Line does.</summary>
    private static object Conversation(HttpRequest request, DirectLineTokens tokens, DirectLineGrant grant, string? watermark) => new
    {
        conversationId = grant.ConversationId,
        token = tokens.Issue(grant.ConversationId, grant.UserId),
        expires_in = tokens.LifetimeSeconds,
        streamUrl = StreamUrl(request, tokens.IssueStreamTicket(grant.ConversationId, grant.UserId), grant.ConversationId, watermark),
    };

    /// <summary>
    /// <c>ws(s)://host/v3/directline/conversations/{id}/stream?watermark=…&amp;t=…</c>, on the host and scheme the page
    /// called (behind a TLS-terminating proxy that needs forwarded headers, see README). A browser's WebSocket cannot
    /// carry an Authorization header, so the short-lived ticket rides in the URL, as Azure's does.
    /// </summary>
    private static string StreamUrl(HttpRequest request, string ticket, string conversationId, string? watermark)
        => $"{(request.IsHttps ? "wss" : "ws")}://{request.Host}{request.PathBase}/v3/directline/conversations/{Uri.EscapeDataString(conversationId)}/stream"
            + $"?watermark={Uri.EscapeDataString(ParseWatermark(watermark)?.ToString(CultureInfo.InvariantCulture) ?? string.Empty)}&t={Uri.EscapeDataString(ticket)}";

    /// <summary>The grant of a valid token bound to this conversation; null for a missing, invalid or expired one, or another conversation's.</summary>
    private static DirectLineGrant? Authorize(HttpRequest request, DirectLineTokens tokens, string conversationId)
    {
        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization));
        return grant is not null && string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal) ? grant : null;
    }

    private static IResult Forbidden() => Results.Problem("The token does not grant access to this conversation.", statusCode: StatusCodes.Status403Forbidden);

    private static IResult Gone() => Results.Problem("No such conversation, or it expired.", statusCode: StatusCodes.Status404NotFound);

    /// <summary>Sets Retry-After, then writes the inner result.</summary>
    private sealed class RetryAfterResult(TimeSpan wait, IResult inner) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.RetryAfter = DirectLineRateLimits.Seconds(wait);
            return inner.ExecuteAsync(httpContext);
        }
    }

    /// <summary>
    /// <c>{"activities":[...],"watermark":"n"}</c> from the activities' stored JSON, written as it is: a poll copies
    /// bytes instead of serialising the history again.
    /// </summary>
    private sealed class ActivitySetResult(ActivityPage page) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            var bytes = ActivitySet.ToUtf8(page);
            response.ContentLength = bytes.Length;
            await response.Body.WriteAsync(bytes, httpContext.RequestAborted);
        }
    }
}

/// <summary>Direct Line's ActivitySet, as the polling answer and each WebSocket message carry it.</summary>
public static class ActivitySet
{
    private static readonly byte[] s_start = "{\"activities\":["u8.ToArray();

    public static byte[] ToUtf8(ActivityPage page)
    {
        var end = Encoding.UTF8.GetBytes($"],\"watermark\":\"{page.Watermark.ToString(CultureInfo.InvariantCulture)}\"}}");
        var buffer = new byte[s_start.Length + page.Activities.Sum(a => a.Length) + Math.Max(0, page.Activities.Count - 1) + end.Length];
        var at = 0;
        s_start.CopyTo(buffer, at);
        at += s_start.Length;
        for (var i = 0; i < page.Activities.Count; i++)
        {
            if (i > 0)
            {
                buffer[at++] = (byte)',';
            }

            page.Activities[i].CopyTo(buffer, at);
            at += page.Activities[i].Length;
        }

        end.CopyTo(buffer, at);
        return buffer;
    }
}
