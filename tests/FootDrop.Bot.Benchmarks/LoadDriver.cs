using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Benchmarks;

/// <summary>
/// One turn of a script: what the user sends (null is the join, a conversationUpdate) and a piece of text one of the
/// bot's replies to it must contain. <paramref name="FreeText"/> marks words the user types in their own words (a
/// question, a symptom, a free answer such as when the weakness began), which the sentence model may read; a button
/// press, a command or a recognised prompt answer must not run it.
/// </summary>
internal sealed record ScriptTurn(string? Text, string Expect, bool FreeText = false);

/// <summary>
/// One scripted conversation. <paramref name="Never"/> are replies that make a turn wrong even next to the expected
/// one: the turn-error apology, the fallback, a prompt asking again.
/// </summary>
internal sealed record Script(string Name, IReadOnlyList<ScriptTurn> Turns, IReadOnlyList<string> Never);

/// <summary>A turn that went wrong: where in the script, what was sent, what was expected, what came back.</summary>
internal sealed record TurnError(int Turn, string? Sent, string Expected, string Got);

/// <summary>
/// What a run measured. Turns and latencies are the turns answered as the script expects; a wrong turn is an error
/// and ends its conversation, which is then off its script, so it counts in neither.
/// </summary>
internal sealed record RoundResult(long Turns, long Errors, List<double> LatenciesMs, TimeSpan Elapsed, TimeSpan Cpu, long Posts = 0, IReadOnlyList<TurnError>? Samples = null)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double CpuMsPerTurn => Turns == 0 ? 0 : Cpu.TotalMilliseconds / Turns;
}

/// <summary>
/// Simulated users, each running whole conversations with fresh conversation and user ids, as fast as replies come.
/// Every turn is checked against the reply its script expects (in the response body for expectReplies, at the
/// connector otherwise). A turn is an error when the request fails, the expected reply is missing, or a reply is one
/// of the script's never-replies; its conversation has drifted off the script, so the user abandons it and starts a
/// new one. Errors count in neither turns/s nor latency.
/// </summary>
internal sealed class LoadDriver(HttpClient http, Uri target, CountingConnector connector, bool expectReplies, Script script, int users)
{
    private const int MaxSamples = 3;

    public async Task<RoundResult> RunAsync(TimeSpan duration)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var postsBefore = connector.Posts;
        var stopwatch = Stopwatch.StartNew();
        var deadline = stopwatch.Elapsed + duration;
        var perUser = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(() => UserAsync(stopwatch, deadline))));
        stopwatch.Stop();
        process.Refresh();
        return Combine(perUser, stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, connector.Posts - postsBefore);
    }

    /// <summary>
    /// One conversation, start to end, by one user: for the cold start and the script check. <paramref name="afterTurn"/>
    /// is told the index of each turn answered as expected, as soon as it is.
    /// </summary>
    public async Task<RoundResult> RunOnceAsync(Action<int>? afterTurn = null)
    {
        var clock = Stopwatch.StartNew();
        var user = await UserAsync(clock, TimeSpan.MaxValue, once: true, afterTurn: afterTurn);
        return Combine([user], clock.Elapsed, TimeSpan.Zero, 0);
    }

    /// <summary>Exactly <paramref name="conversations"/> conversations, shared among the users.</summary>
    public async Task<RoundResult> RunConversationsAsync(int conversations)
    {
        var clock = Stopwatch.StartNew();
        var left = conversations;
        var perUser = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(() => UserAsync(clock, TimeSpan.MaxValue, take: () => Interlocked.Decrement(ref left) >= 0))));
        return Combine(perUser, clock.Elapsed, TimeSpan.Zero, 0);
    }

    private static RoundResult Combine(UserResult[] perUser, TimeSpan elapsed, TimeSpan cpu, long posts)
        => new(
            perUser.Sum(u => (long)u.Latencies.Count),
            perUser.Sum(u => u.Errors),
            perUser.SelectMany(u => u.Latencies).ToList(),
            elapsed,
            cpu,
            posts,
            perUser.SelectMany(u => u.Samples).Take(MaxSamples).ToList());

    private async Task<UserResult> UserAsync(Stopwatch clock, TimeSpan deadline, bool once = false, Func<bool>? take = null, Action<int>? afterTurn = null)
    {
        var result = new UserResult();
        var url = new Uri(target, "/api/messages");
        while (clock.Elapsed < deadline && (take is null || take()))
        {
            var conversation = Guid.NewGuid().ToString("N");
            var user = "user-" + Guid.NewGuid().ToString("N");
            for (var i = 0; i < script.Turns.Count && clock.Elapsed < deadline; i++)
            {
                var turn = script.Turns[i];
                var id = Guid.NewGuid().ToString("N");
                var body = Activity(id, conversation, user, turn.Text);
                var started = clock.Elapsed;
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                IReadOnlyList<string> replies;
                string? failure = null;
                try
                {
                    using var response = await http.PostAsync(url, content);
                    failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";

                    // The adapter posts every reply to the connector before it answers the request.
                    replies = expectReplies ? ReplyTexts(await response.Content.ReadAsStringAsync()) : connector.TakeReplies(id);
                }
                catch (HttpRequestException exception) when (!once)
                {
                    replies = [];
                    failure = exception.Message;
                }

                var elapsed = clock.Elapsed - started;
                var wrong = failure
                    ?? (replies.FirstOrDefault(r => script.Never.Contains(r)) is { } never ? "a never-reply: " + never : null)
                    ?? (replies.Any(r => r.Contains(turn.Expect, StringComparison.Ordinal)) ? null : "not the expected reply");
                if (wrong is null)
                {
                    result.Latencies.Add(elapsed.TotalMilliseconds);
                    afterTurn?.Invoke(i);
                    continue;
                }

                result.Errors++;
                if (result.Samples.Count < MaxSamples)
                {
                    result.Samples.Add(new TurnError(i + 1, turn.Text, turn.Expect, wrong + " | " + string.Join(" / ", replies)));
                }

                // Off its script: the rest of this conversation would measure something else.
                break;
            }

            if (once)
            {
                break;
            }
        }

        return result;
    }

    /// <summary>The texts of the message activities in an expectReplies response body.</summary>
    private static List<string> ReplyTexts(string json)
    {
        var texts = new List<string>();
        if (string.IsNullOrEmpty(json))
        {
            return texts;
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("activities", out var activities))
        {
            return texts;
        }

        foreach (var activity in activities.EnumerateArray())
        {
            if (activity.TryGetProperty("type", out var type) && type.ValueEquals("message")
                && activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
            {
                texts.Add(text.GetString()!);
            }
        }

        return texts;
    }

    private string Activity(string id, string conversation, string user, string? text)
    {
        var activity = new JObject
        {
            ["type"] = text is null ? "conversationUpdate" : "message",
            ["id"] = id,
            ["channelId"] = "emulator",
            ["serviceUrl"] = connector.ServiceUrl.ToString(),
            ["conversation"] = new JObject { ["id"] = conversation },
            ["from"] = new JObject { ["id"] = user },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["locale"] = "en-US",
        };
        if (text is null)
        {
            activity["membersAdded"] = new JArray(new JObject { ["id"] = "bot" }, new JObject { ["id"] = user });
        }
        else
        {
            activity["text"] = text;
        }

        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity.ToString(Newtonsoft.Json.Formatting.None);
    }

    private sealed class UserResult
    {
        public List<double> Latencies { get; } = new(4096);

        public List<TurnError> Samples { get; } = [];

        public long Errors { get; set; }
    }
}
