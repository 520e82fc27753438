using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>What a Web Chat page does against the built-in Direct Line: get a token, start, post, poll.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public sealed record Grant(string ConversationId, string UserId, string Token);

    /// <summary>What the page keeps between loads: its identity and, once connected, its conversation and token.</summary>
    public sealed record Kept(string? Identity, string? ConversationId = null, string? Token = null);

    /// <summary>The token endpoint's whole answer.</summary>
    public sealed record TokenAnswer(Grant Grant, string Identity, bool Resumed, bool Ended);

    public HttpClient Http => http;

    public Task<HttpResponseMessage> RequestTokenAsync() => http.PostAsync("/api/webchat/token", null);

    /// <summary>The page's token request as app.js makes it on load, with what the browser kept.</summary>
    public async Task<TokenAnswer> LoadPageAsync(Kept? kept)
    {
        var body = new JObject();
        if (kept?.Identity is not null)
        {
            body["identity"] = kept.Identity;
        }

        if (kept?.ConversationId is not null)
        {
            body["conversation"] = new JObject { ["conversationId"] = kept.ConversationId, ["token"] = kept.Token };
        }

        var response = await http.PostAsync("/api/webchat/token", new StringContent(body.ToString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new TokenAnswer(
            new Grant(answer.Value<string>("conversationId")!, answer.Value<string>("userId")!, answer.Value<string>("token")!),
            answer.Value<string>("identity")!,
            answer.Value<bool>("resumed"),
            answer.Value<bool>("ended"));
    }

    /// <summary>Direct Line's reconnect: a fresh token and stream URL for the conversation, from a watermark.</summary>
    public async Task<(Grant Grant, string StreamUrl)> ReconnectAsync(Grant grant, string? watermark = null)
    {
        var response = await SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}?watermark={watermark}", grant.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(grant.ConversationId, body.Value<string>("conversationId"));
        return (grant with { Token = body.Value<string>("token")! }, body.Value<string>("streamUrl")!);
    }

    public async Task<Grant> NewGrantAsync()
    {
        var response = await RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new Grant(body.Value<string>("conversationId")!, body.Value<string>("userId")!, body.Value<string>("token")!);
    }

    public Task<HttpResponseMessage> StartAsync(Grant grant) => SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);

    /// <summary>A new token and a started conversation, as the page has after loading.</summary>
    public async Task<Grant> StartNewAsync() => (await StartNewWithStreamAsync()).Grant;

    /// <summary>A new token and a started conversation, with the stream URL the start answered.</summary>
    public async Task<(Grant Grant, string StreamUrl)> StartNewWithStreamAsync()
    {
        var grant = await NewGrantAsync();
        var start = await StartAsync(grant);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return (grant, JObject.Parse(await start.Content.ReadAsStringAsync()).Value<string>("streamUrl")!);
    }

    /// <summary>Starts the conversation of a grant (as Web Chat does after a token without a conversation to resume); returns its stream URL.</summary>
    public async Task<string> StartStreamingAsync(Grant grant)
    {
        var start = await StartAsync(grant);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        return JObject.Parse(await start.Content.ReadAsStringAsync()).Value<string>("streamUrl")!;
    }

    public Task<HttpResponseMessage> PostMessageAsync(Grant grant, string text, string? clientActivityId = null)
        => PostAsync(grant, new JObject
        {
            ["type"] = "message",
            ["text"] = text,
            ["from"] = new JObject { ["id"] = "someone-else" },
            ["channelData"] = new JObject { ["clientActivityID"] = clientActivityId ?? Guid.NewGuid().ToString("N") },
        }.ToString());

    public Task<HttpResponseMessage> PostAsync(Grant grant, string json)
        => SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{grant.ConversationId}/activities", grant.Token, json);

    public Task<HttpResponseMessage> GetAsync(Grant grant, string? watermark = null)
        => SendAsync(HttpMethod.Get, $"/v3/directline/conversations/{grant.ConversationId}/activities" + (watermark is null ? string.Empty : "?watermark=" + watermark), grant.Token);

    public async Task<JObject> GetActivitiesAsync(Grant grant, string? watermark = null)
    {
        var response = await GetAsync(grant, watermark);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The activities after a watermark.</summary>
    public async Task<IReadOnlyList<JObject>> ActivitiesAsync(Grant grant, string? watermark = null)
        => [.. ((JArray)(await GetActivitiesAsync(grant, watermark))["activities"]!).Cast<JObject>()];

    /// <summary>Posts a message and checks it was accepted; returns its id in the stream.</summary>
    public async Task<string> SayAsync(Grant grant, string text)
    {
        var response = await PostMessageAsync(grant, text);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Posting \"{text}\" got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return JObject.Parse(await response.Content.ReadAsStringAsync()).Value<string>("id")!;
    }

    /// <summary>The texts of the bot's messages after a watermark.</summary>
    public async Task<IReadOnlyList<string>> BotTextsAsync(Grant grant, string? watermark = null)
        => [.. ((JArray)(await GetActivitiesAsync(grant, watermark))["activities"]!)
            .Where(a => a["from"]?.Value<string>("role") == "bot" && a.Value<string>("type") == "message")
            .Select(a => a.Value<string>("text") ?? string.Empty)];

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, string? json = null)
    {
        var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return http.SendAsync(request);
    }
}
