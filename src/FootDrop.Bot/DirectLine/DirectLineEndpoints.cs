using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FootDrop.Bot.Hosting;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace FootDrop.Bot.DirectLine;

/// <summary>
/// A Direct Line 3.0-compatible endpoint under /v3/directline, enough for Bot Framework Web Chat with polling:
/// start a conversation, post an activity, get activities after a watermark, refresh a token.
/// </summary>
public static class DirectLineEndpoints
{
    public const string CorsPolicy = "webchat";

    public static IEndpointRouteBuilder MapDirectLine(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(DirectLineRateLimits.Starts);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(DirectLineRateLimits.Posts);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities).RequireRateLimiting(DirectLineRateLimits.Reads);
        group.MapPost("/tokens/refresh", RefreshToken).RequireRateLimiting(DirectLineRateLimits.Tokens);
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

        var start = conversations.Start(grant.ConversationId, grant.UserId);
        if (start == ConversationStart.Full)
        {
            return Full(conversations);
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

        return Results.Json(
            new { conversationId = grant.ConversationId, token = tokens.Issue(grant.ConversationId, grant.UserId), expires_in = tokens.LifetimeSeconds },
            statusCode: isNew ? StatusCodes.Status201Created : StatusCodes.Status200OK);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, IBot bot, CancellationToken cancellationToken)
    {
        if (Authorize(request, tokens, conversationId) is { } denied)
        {
            return denied;
        }

        if (!conversations.Exists(conversationId))
        {
            return Results.Problem("No such conversation, or it expired.", statusCode: StatusCodes.Status404NotFound);
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

        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization))!;

        // The channel, not the client, decides who the user is and where the activity belongs.
        activity.ChannelId = DirectLineAdapter.ChannelId;
        activity.ServiceUrl = DirectLineAdapter.ServiceUrl;
        activity.Conversation = new ConversationAccount(id: conversationId);
        activity.From = new ChannelAccount(grant.UserId, activity.From?.Name, RoleTypes.User);
        activity.Recipient = DirectLineAdapter.BotAccount;
        activity.Timestamp = DateTimeOffset.UtcNow;
        conversations.Append(conversationId, activity);

        await adapter.ProcessAsync(activity, bot, cancellationToken);
        return Results.Json(new { id = activity.Id });
    }

    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        if (Authorize(request, tokens, conversationId) is { } denied)
        {
            return denied;
        }

        long? after = long.TryParse(watermark, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        var page = conversations.Read(conversationId, after);
        if (page is null)
        {
            return Results.Problem("No such conversation, or it expired.", statusCode: StatusCodes.Status404NotFound);
        }

        return new ActivitySetResult(page.Value.Activities, page.Value.Watermark);
    }

    private static IResult RefreshToken(HttpRequest request, DirectLineTokens tokens, DirectLineConversations conversations)
    {
        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization));
        if (grant is null || !conversations.Exists(grant.ConversationId))
        {
            return Results.Problem("The token is invalid or expired, or its conversation is gone.", statusCode: StatusCodes.Status403Forbidden);
        }

        return Results.Json(new { conversationId = grant.ConversationId, token = tokens.Issue(grant.ConversationId, grant.UserId), expires_in = tokens.LifetimeSeconds });
    }

    /// <summary>A token for a new built-in conversation and user (the page's first call in BuiltIn mode).</summary>
    public static IResult IssueNewConversation(DirectLineTokens tokens, DirectLineConversations conversations)
    {
        // Refused here already, so the page can say the chat is busy instead of failing to connect.
        if (conversations.IsFull())
        {
            return Full(conversations);
        }

        var conversationId = "dl-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        var userId = "user-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();
        return Results.Json(new { conversationId, userId, token = tokens.Issue(conversationId, userId), expires_in = tokens.LifetimeSeconds });
    }

    /// <summary>429 with Retry-After when the cap on live conversations is reached.</summary>
    private static IResult Full(DirectLineConversations conversations)
        => new RetryAfterResult(
            conversations.RetryAfterWhenFull(),
            Results.Problem("The chat is busy right now; please try again in a few minutes. In an emergency, call your local emergency number.", statusCode: StatusCodes.Status429TooManyRequests));

    /// <summary>403 for a missing, invalid or expired token, or one bound to another conversation.</summary>
    private static IResult? Authorize(HttpRequest request, DirectLineTokens tokens, string conversationId)
    {
        var grant = tokens.Validate(DirectLineTokens.FromHeader(request.Headers.Authorization));
        return grant is null || !string.Equals(grant.ConversationId, conversationId, StringComparison.Ordinal)
            ? Results.Problem("The token does not grant access to this conversation.", statusCode: StatusCodes.Status403Forbidden)
            : null;
    }

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
    private sealed class ActivitySetResult(IReadOnlyList<byte[]> activities, long watermark) : IResult
    {
        private static readonly byte[] s_start = "{\"activities\":["u8.ToArray();
        private static readonly byte[] s_comma = ","u8.ToArray();

        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.ContentType = "application/json; charset=utf-8";
            var end = Encoding.UTF8.GetBytes($"],\"watermark\":\"{watermark.ToString(CultureInfo.InvariantCulture)}\"}}");
            response.ContentLength = s_start.Length + activities.Sum(a => (long)a.Length) + Math.Max(0, activities.Count - 1) + end.Length;
            var body = response.BodyWriter;
            body.Write(s_start);
            for (var i = 0; i < activities.Count; i++)
            {
                if (i > 0)
                {
                    body.Write(s_comma);
                }

                body.Write(activities[i]);
            }

            body.Write(end);
            await body.FlushAsync(httpContext.RequestAborted);
        }
    }
}
