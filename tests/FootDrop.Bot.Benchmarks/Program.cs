using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FootDrop.Bot.Benchmarks;
using Microsoft.Data.Sqlite;

// dotnet run -c Release --project tests/FootDrop.Bot.Benchmarks -- [--users 16] [--seconds 10] [--rounds 3] [--storage Memory|Sqlite|Postgres] [--mode expectReplies|normal] [--quick]
var options = BenchmarkOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

var footDropScript = new Script("FootDrop.Bot", [
    null, "what causes foot drop", "Will it last?",
    "toe lifts", "left", "no", "no", "slowly over months", "no", "no", "no", "no", "no",
    "next", "next", "Start hold", "next", "I did all reps", "Finish this exercise", "2",
    "check my symptoms", "no", "no", "for about 3 weeks, it came on slowly", "no", "no", "no", "no", "no", "Back to the menu",
]);
var echoScript = new Script("stock echo", footDropScript.Turns.Select(t => t is null ? null : "hello").ToList());

Console.WriteLine($"FootDrop.Bot benchmark: {options.Users} users, {options.Rounds} rounds of {options.Seconds} s per bot and mode, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"One scripted conversation is {footDropScript.Turns.Count} turns: welcome, two explanations, the first-session symptom check, toe lifts step by step with a hold, pain, the symptom check.");
Console.WriteLine("CPU per turn is the whole process (servers and load generator alike), so compare it between rows, not as an absolute.");
Console.WriteLine();

await using var connector = await CountingConnector.StartAsync();
await using var baseline = await StockEchoHost.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };

var storages = new List<(string Name, Dictionary<string, string?> Settings)>
{
    ("Memory", new() { ["Storage:Provider"] = "Memory" }),
    ("Sqlite", new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = Path.Combine(Path.GetTempPath(), "footdrop-bench-" + Guid.NewGuid().ToString("N")) }),
};
var postgres = Environment.GetEnvironmentVariable("FOOTDROP_TEST_POSTGRES");
if (!string.IsNullOrWhiteSpace(postgres))
{
    storages.Add(("Postgres", new() { ["Storage:Provider"] = "Postgres", ["Storage:ConnectionString"] = postgres }));
}

if (options.Storage is { } only)
{
    storages.RemoveAll(s => !string.Equals(s.Name, only, StringComparison.OrdinalIgnoreCase));
}

var rows = new List<Row>();
foreach (var expectReplies in new[] { true, false }.Where(e => options.Mode is null || string.Equals(options.Mode, e ? "expectReplies" : "normal", StringComparison.OrdinalIgnoreCase)))
{
    var mode = expectReplies ? "expectReplies" : "normal";
    var baselineDriver = new LoadDriver(http, baseline.BaseAddress, connector, expectReplies, echoScript, options.Users);
    await WarmUpAsync("stock echo", mode, baselineDriver);
    Row? baselineRow = null;
    foreach (var (storage, settings) in storages)
    {
        using var bot = new FootDropHost(settings);
        var botDriver = new LoadDriver(http, bot.BaseAddress, connector, expectReplies, footDropScript, options.Users);
        await WarmUpAsync("FootDrop.Bot", $"{mode}/{storage}", botDriver);

        var botRounds = new List<RoundResult>();
        var baseRounds = new List<RoundResult>();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate, so drift in the machine's speed falls on both alike.
            botRounds.Add(await botDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
            baseRounds.Add(await baselineDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
        }

        baselineRow ??= Row.From("stock echo (CloudAdapter)", mode, "Memory", baseRounds, null);
        if (!rows.Contains(baselineRow))
        {
            rows.Add(baselineRow);
        }

        var botRow = Row.From("FootDrop.Bot", mode, storage, botRounds, baselineRow);
        if (storage == "Sqlite")
        {
            botRow = botRow with { StateBytes = StateBytesPerConversation(settings["Storage:DataDirectory"]!) };
        }

        rows.Add(botRow);
        Print(rows[^1]);
    }
}

Console.WriteLine();
Console.WriteLine("| bot | mode | storage | turns/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/turn | vs stock turns/s | posts/turn | conv. state bytes |");
Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.Bot} | {row.Mode} | {row.Storage} | {row.TurnsPerSecond:F0} | {row.P50:F2} | {row.P95:F2} | {row.P99:F2} | {row.Errors} | {row.CpuMsPerTurn:F3} | {(row.Ratio is { } r ? r.ToString("F2") + "x" : "-")} | {row.PostsPerTurn:F2} | {(row.StateBytes is { } b ? b.ToString("F0") : "-")} |");
}

var stockNormal = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "normal");
var stockExpect = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "expectReplies");
var oursNormal = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "normal" && r.Storage == "Memory");
if (stockNormal is not null && stockExpect is not null && oursNormal is not null)
{
    Console.WriteLine();
    Console.WriteLine($"FootDrop.Bot normal delivery vs stock normal delivery: {oursNormal.TurnsPerSecond / stockNormal.TurnsPerSecond:F1}x; vs stock expectReplies: {oursNormal.TurnsPerSecond / stockExpect.TurnsPerSecond:F2}x");
}

Process.GetCurrentProcess().Refresh();
Console.WriteLine($"Peak working set of the whole benchmark process: {Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024)} MB; GC heap now: {GC.GetGCMemoryInfo().HeapSizeBytes / (1024 * 1024)} MB");

await ColdStartAsync();
return 0;

async Task WarmUpAsync(string bot, string mode, LoadDriver driver)
{
    // .NET under saturating load needs tens of seconds to reach its tier-1 code: warm until two windows agree.
    var window = TimeSpan.FromSeconds(options.Quick ? 1 : 3);
    var maxWindows = options.Quick ? 2 : 12;
    double previous = 0;
    for (var i = 0; i < maxWindows; i++)
    {
        var result = await driver.RunAsync(window);
        var flat = previous > 0 && Math.Abs(result.TurnsPerSecond - previous) / previous < 0.05;
        previous = result.TurnsPerSecond;
        if (flat && i >= 2)
        {
            break;
        }
    }

    Console.WriteLine($"warmed up {bot} {mode}: {previous:F0} turns/s");
}

static void Print(Row row)
    => Console.WriteLine($"  {row.Bot} {row.Mode} {row.Storage}: {row.TurnsPerSecond:F0} turns/s, p50 {row.P50:F2} ms, p99 {row.P99:F2} ms, {row.Errors} errors");

static double? StateBytesPerConversation(string dataDirectory)
{
    var file = Directory.GetFiles(dataDirectory, "*.db").FirstOrDefault();
    if (file is null)
    {
        return null;
    }

    using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly");
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = "SELECT avg(length(document)) FROM bot_state WHERE conversation_scoped = 1";
    return command.ExecuteScalar() is double average ? average : null;
}

async Task ColdStartAsync()
{
    // A fresh process: from its start to the first reply, then each turn of a first conversation.
    var port = FreePort();
    var start = new ProcessStartInfo("dotnet", $"FootDrop.Bot.dll --urls http://127.0.0.1:{port}")
    {
        WorkingDirectory = AppContext.BaseDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        Environment = { ["Storage__Provider"] = "Memory", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
    };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    try
    {
        var target = new Uri($"http://127.0.0.1:{port}");
        var join = new LoadDriver(http, target, connector, true, new Script("cold", [null]), 1);
        TimeSpan? firstReply = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(30) && firstReply is null)
        {
            try
            {
                var result = await join.RunOnceAsync();
                if (result.Errors == 0 && result.Turns > 0)
                {
                    firstReply = clock.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(10);
            }
        }

        var conversation = await new LoadDriver(http, target, connector, true, footDropScript, 1).RunOnceAsync();
        Console.WriteLine();
        Console.WriteLine($"Cold start: first reply {firstReply?.TotalMilliseconds:F0} ms after process start; a first conversation's {conversation.Turns} turns: first {conversation.LatenciesMs.FirstOrDefault():F1} ms, slowest {conversation.LatenciesMs.DefaultIfEmpty(0).Max():F1} ms, {conversation.Errors} errors");
    }
    finally
    {
        process.Kill(entireProcessTree: true);
    }
}

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

internal sealed record BenchmarkOptions(int Users, int Seconds, int Rounds, bool Quick, string? Storage, string? Mode)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) ? v : fallback;
        }

        var quick = args.Contains("--quick");
        string? Text(string name) => Array.IndexOf(args, name) is var i && i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        return new BenchmarkOptions(Value("--users", 16), Value("--seconds", quick ? 2 : 10), Value("--rounds", quick ? 1 : 3), quick, Text("--storage"), Text("--mode"));
    }
}

internal sealed record Row(string Bot, string Mode, string Storage, double TurnsPerSecond, double P50, double P95, double P99, long Errors, double CpuMsPerTurn, double? Ratio, double PostsPerTurn, double? StateBytes = null)
{
    public static Row From(string bot, string mode, string storage, List<RoundResult> rounds, Row? baseline)
    {
        var latencies = rounds.SelectMany(r => r.LatenciesMs).Order().ToList();
        double Percentile(double p) => latencies.Count == 0 ? 0 : latencies[Math.Min(latencies.Count - 1, (int)(p * latencies.Count))];
        var turns = rounds.Sum(r => r.Turns);
        var seconds = rounds.Sum(r => r.Elapsed.TotalSeconds);
        var tps = turns / seconds;
        var cpu = rounds.Sum(r => r.Cpu.TotalMilliseconds) / Math.Max(1, turns);
        var posts = (double)rounds.Sum(r => r.Posts) / Math.Max(1, turns);
        return new Row(bot, mode, storage, tps, Percentile(0.5), Percentile(0.95), Percentile(0.99), rounds.Sum(r => r.Errors), cpu, baseline is null ? null : tps / baseline.TurnsPerSecond, posts);
    }
}
