using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;

namespace FootDrop.Bot.Benchmarks;

/// <summary>One scripted conversation: null is the join (conversationUpdate), anything else a message.</summary>
internal sealed record Script(string Name, IReadOnlyList<string?> Turns);

internal sealed record RoundResult(long Turns, long Errors, List<double> LatenciesMs, TimeSpan Elapsed, TimeSpan Cpu, long Posts = 0)
{
    public double TurnsPerSecond => Turns / Elapsed.TotalSeconds;

    public double CpuMsPerTurn => Turns == 0 ? 0 : Cpu.TotalMilliseconds / Turns;
}

/// <summary>
/// Simulated users, each running whole conversations with fresh conversation and user ids, as fast as replies come.
/// A turn counts as an error when it gets no text reply (in the response body for expectReplies, at the connector
/// otherwise) or a non-success status.
/// </summary>
internal sealed class LoadDriver(HttpClient http, Uri target, CountingConnector connector, bool expectReplies, Script script, int users)
{
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
        var latencies = perUser.SelectMany(u => u.Latencies).ToList();
        return new RoundResult(latencies.Count, perUser.Sum(u => u.Errors), latencies, stopwatch.Elapsed, process.TotalProcessorTime - cpuBefore, connector.Posts - postsBefore);
    }

    /// <summary>One conversation, start to end, by one user: for the cold start.</summary>
    public async Task<RoundResult> RunOnceAsync()
    {
        var clock = Stopwatch.StartNew();
        var (latencies, errors) = await UserAsync(clock, TimeSpan.MaxValue, once: true);
        return new RoundResult(latencies.Count, errors, latencies, clock.Elapsed, TimeSpan.Zero);
    }

    /// <summary>Exactly <paramref name="conversations"/> whole conversations, shared among the users.</summary>
    public async Task<RoundResult> RunConversationsAsync(int conversations)
    {
        var clock = Stopwatch.StartNew();
        var left = conversations;
        var perUser = await Task.WhenAll(Enumerable.Range(0, users).Select(_ => Task.Run(() => UserAsync(clock, TimeSpan.MaxValue, take: () => Interlocked.Decrement(ref left) >= 0))));
        var latencies = perUser.SelectMany(u => u.Latencies).ToList();
        return new RoundResult(latencies.Count, perUser.Sum(u => u.Errors), latencies, clock.Elapsed, TimeSpan.Zero);
    }

    private async Task<(List<double> Latencies, long Errors)> UserAsync(Stopwatch clock, TimeSpan deadline, bool once = false, Func<bool>? take = null)
    {
        var latencies = new List<double>(4096);
        long errors = 0;
        var url = new Uri(target, "/api/messages");
        while (clock.Elapsed < deadline && (take is null || take()))
        {
            var conversation = Guid.NewGuid().ToString("N");
            var user = "user-" + Guid.NewGuid().ToString("N");
            foreach (var text in script.Turns)
            {
                if (clock.Elapsed >= deadline)
                {
                    break;
                }

                var id = Guid.NewGuid().ToString("N");
                var body = Activity(id, conversation, user, text);
                var started = clock.Elapsed;
                using var content = new StringContent(body, Encoding.UTF8, "application/json");
                using var response = await http.PostAsync(url, content);
                var ok = response.IsSuccessStatusCode;
                if (expectReplies)
                {
                    var json = await response.Content.ReadAsStringAsync();
                    ok &= json.Contains("\"message\"", StringComparison.Ordinal) && json.Contains("\"text\"", StringComparison.Ordinal);
                }
                else
                {
                    // The adapter posts every reply to the connector before it answers the request.
                    ok &= connector.TakeReplies(id) > 0;
                }

                latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                if (!ok)
                {
                    errors++;
                }
            }

            if (once)
            {
                break;
            }
        }

        return (latencies, errors);
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
}
