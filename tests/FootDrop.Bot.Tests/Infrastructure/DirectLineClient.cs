using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Tests.Infrastructure;

/// <summary>What a Web Chat page does against the built-in Direct Line: get a token, start, post, poll.</summary>
public sealed class DirectLineClient(HttpClient http)
{
    public sealed record Grant(string ConversationId, string UserId, string Token);

    public Task<HttpResponseMessage> RequestTokenAsync() => http.PostAsync("/api/webchat/token", null);

    public async Task<Grant> NewGrantAsync()
    {
        var response = await RequestTokenAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return new Grant(body.Value<string>("conversationId")!, body.Value<string>("userId")!, body.Value<string>("token")!);
    }

    public Task<HttpResponseMessage> StartAsync(Grant grant) => SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);

    /// <summary>A new token and a started conversation, as the page has after loading.</summary>
    public async Task<Grant> StartNewAsync()
    {
        var grant = await NewGrantAsync();
        Assert.Equal(HttpStatusCode.Created, (await StartAsync(grant)).StatusCode);
        return grant;
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
