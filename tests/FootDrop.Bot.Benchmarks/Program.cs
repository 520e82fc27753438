using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using FootDrop.Bot.Benchmarks;
using FootDrop.Bot.Conversation;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

// dotnet run -c Release --project tests/FootDrop.Bot.Benchmarks -- [--users 16] [--seconds 10] [--rounds 3] [--storage Memory|Sqlite|Postgres] [--mode expectReplies|normal] [--quick]
var options = BenchmarkOptions.Parse(args);
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;

await using var connector = await CountingConnector.StartAsync();
using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) }) { Timeout = TimeSpan.FromSeconds(30) };

// Each turn names a piece of the reply it must get; the never-replies (the apology after a failed turn, the fallback,
// a prompt asking again) make a turn wrong wherever they appear. They come from the bot's own content.
Script footDropScript;
string footDropLogLevels;
using (var probe = new FootDropHost(new() { ["Storage:Provider"] = "Memory" }))
{
    var texts = probe.Services.GetRequiredService<Texts>();
    footDropScript = new Script("FootDrop.Bot", [
        new(null, "Hi, I'm FootDrop.Bot"),
        new("what causes foot drop", "Common causes fall into a few groups."),
        new("Will it last?", "Foot drop is often temporary"),
        new("toe lifts", texts[TextKeys.SidePrompt]),
        new("left", "First, is any of this happening now"),
        new("no", "Do you have any of these: new trouble controlling"),
        new("no", "When did the foot weakness start?"),
        new("slowly over months", "Do you have any numbness or tingling"),
        new("no", "Do you have pain that shoots or spreads down your leg?"),
        new("no", "Are you having trouble with your balance"),
        new("no", "Have you had an injury or an operation recently"),
        new("no", "Is it getting worse?"),
        new("no", "Getting ready (1 of 1): Sit up straight"),
        new("next", "Set 1 of 3, rep 1 of 10: Keep the ball of your left foot"),
        new("next", "Set 1 of 3, rep 1 of 10: Hold your toes up for 2 to 3 seconds"),
        new("Start hold", "Holding now. I'll tell you when to relax in 3 seconds."),
        new("next", "Set 1 of 3, rep 2 of 10: Keep the ball"),
        new("I did all reps", "Set 1 of 3 done."),
        new("Finish this exercise", texts[TextKeys.PainPrompt]),
        new("2", texts[TextKeys.MenuAgain]),
        new("check my symptoms", "First, is any of this happening now"),
        new("no", "Do you have any of these: new trouble controlling"),
        new("no", "When did the foot weakness start?"),
        new("for about 3 weeks, it came on slowly", "Do you have any numbness or tingling"),
        new("no", "Do you have pain that shoots or spreads down your leg?"),
        new("no", "Are you having trouble with your balance"),
        new("no", "Have you had an injury or an operation recently"),
        new("no", "Is it getting worse?"),
        new("no", "Nothing you've told me needs urgent care right now."),
        new("Back to the menu", texts[TextKeys.MenuPrompt]),
    ], [
        texts[TextKeys.ErrorTurn], texts[TextKeys.Fallback], texts[TextKeys.MenuRetry], texts[TextKeys.YesNoRetry],
        texts[TextKeys.SideRetry], texts[TextKeys.PainRetry], texts[TextKeys.TooManyAttempts], texts[TextKeys.UpgradeRestarted],
        texts[TextKeys.ExerciseNoHold],
    ]);
    footDropLogLevels = LogLevels(probe.Services.GetRequiredService<IConfiguration>());
    if (await CheckScriptAsync(probe.BaseAddress, footDropScript) is { } off)
    {
        Console.Error.WriteLine(off);
        return 1;
    }
}

var echoScript = new Script("stock echo", footDropScript.Turns.Select(t => t.Text is null ? new ScriptTurn(null, "Hello") : new ScriptTurn("hello", "Echo: hello")).ToList(), [StockEchoHost.ErrorReply]);
await using (var probe = await StockEchoHost.StartAsync())
{
    var stockLogLevels = LogLevels(probe.Services.GetRequiredService<IConfiguration>());
    if (stockLogLevels != footDropLogLevels)
    {
        Console.Error.WriteLine($"The two bots log at different levels (FootDrop.Bot {footDropLogLevels}; stock {stockLogLevels}): the comparison would not be fair.");
        return 1;
    }

    if (await CheckScriptAsync(probe.BaseAddress, echoScript) is { } off)
    {
        Console.Error.WriteLine(off);
        return 1;
    }
}

Console.WriteLine($"FootDrop.Bot benchmark: {options.Users} users, {options.Rounds} rounds of {options.Seconds} s per bot and mode, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
Console.WriteLine($"One scripted conversation is {footDropScript.Turns.Count} turns: welcome, two explanations, the first-session symptom check, toe lifts step by step with a hold, pain, the symptom check.");
Console.WriteLine("The baseline is configured as the official samples are (AddHttpClient(), ConfigurationBotFrameworkAuthentication, CloudAdapter with the samples' error handler); both bots read the shipped appsettings.json: " + footDropLogLevels + ".");
Console.WriteLine("Every turn is checked against the reply it should get; a wrong, fallback or error reply or a failed request is an error, ends its conversation (off its script) and counts in neither turns/s nor latency.");
Console.WriteLine("CPU per turn is the whole process (servers and load generator alike), so compare it between rows, not as an absolute.");
Console.WriteLine();

var storages = new List<(string Name, Dictionary<string, string?> Settings)>
{
    ("Memory", new() { ["Storage:Provider"] = "Memory" }),
    ("Sqlite", new() { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = TempDirectory() }),
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

    // A fresh baseline for each mode: MemoryStorage keeps every finished conversation, and a heap grown by the previous
    // mode's rounds would slow this mode's garbage collections for both bots.
    await using var baseline = await StockEchoHost.StartAsync();
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
        long botPeak = 0, basePeak = 0;
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate, so drift in the machine's speed falls on both alike.
            var (botRound, botRss) = await Sampled(() => botDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
            var (baseRound, baseRss) = await Sampled(() => baselineDriver.RunAsync(TimeSpan.FromSeconds(options.Seconds)));
            botRounds.Add(botRound);
            baseRounds.Add(baseRound);
            botPeak = Math.Max(botPeak, botRss);
            basePeak = Math.Max(basePeak, baseRss);
        }

        if (baselineRow is null)
        {
            baselineRow = Row.From("stock echo (CloudAdapter)", mode, "Memory", baseRounds, null) with { PeakMb = basePeak / (1024 * 1024) };
            rows.Add(baselineRow);
        }

        var botRow = Row.From("FootDrop.Bot", mode, storage, botRounds, baselineRow) with { PeakMb = botPeak / (1024 * 1024) };
        if (storage == "Sqlite")
        {
            botRow = botRow with { StateBytes = StateBytesPerConversation(settings["Storage:DataDirectory"]!) };
        }

        rows.Add(botRow);
        Print(rows[^1]);
    }
}

Console.WriteLine();
Console.WriteLine("| bot | mode | storage | turns/s | p50 ms | p95 ms | p99 ms | errors | CPU ms/turn | vs stock turns/s | posts/turn | peak RSS MB | conv. state bytes |");
Console.WriteLine("| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var row in rows)
{
    Console.WriteLine($"| {row.Bot} | {row.Mode} | {row.Storage} | {row.TurnsPerSecond:F0} | {row.P50:F2} | {row.P95:F2} | {row.P99:F2} | {row.Errors} | {row.CpuMsPerTurn:F3} | {(row.Ratio is { } r ? r.ToString("F2") + "x" : "-")} | {row.PostsPerTurn:F2} | {row.PeakMb} | {(row.StateBytes is { } b ? b.ToString("F0") : "-")} |");
}

foreach (var row in rows.Where(r => r.Samples.Count > 0))
{
    Console.WriteLine();
    Console.WriteLine($"{row.Bot} {row.Mode} {row.Storage}: {row.Errors} turns went wrong, for example:");
    foreach (var error in row.Samples)
    {
        Console.WriteLine($"  turn {error.Turn} \"{error.Sent ?? "(join)"}\": expected \"{error.Expected}\"; {error.Got}");
    }
}

var stockNormal = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "normal");
var stockExpect = rows.FirstOrDefault(r => r.Bot.StartsWith("stock", StringComparison.Ordinal) && r.Mode == "expectReplies");
var oursNormal = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "normal" && r.Storage == "Memory");
if (stockNormal is not null && stockExpect is not null && oursNormal is not null)
{
    Console.WriteLine();
    Console.WriteLine($"FootDrop.Bot normal delivery vs stock normal delivery: {oursNormal.TurnsPerSecond / stockNormal.TurnsPerSecond:F1}x; vs stock expectReplies: {oursNormal.TurnsPerSecond / stockExpect.TurnsPerSecond:F2}x");
}

var sqliteExpect = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "expectReplies" && r.Storage == "Sqlite");
var memoryExpect = rows.FirstOrDefault(r => r.Bot == "FootDrop.Bot" && r.Mode == "expectReplies" && r.Storage == "Memory");
if (sqliteExpect is not null && memoryExpect is not null)
{
    Console.WriteLine($"FootDrop.Bot SQLite vs MemoryStorage (expectReplies): {sqliteExpect.TurnsPerSecond / memoryExpect.TurnsPerSecond:F2}x");
}

Console.WriteLine("Peak RSS is the whole benchmark process (bot, baseline, connector and load generator) while that row's rounds ran.");

if (options.Storage is null || string.Equals(options.Storage, "Sqlite", StringComparison.OrdinalIgnoreCase))
{
    await MemoryGrowthAsync();
}

await ColdStartAsync();
return 0;

async Task WarmUpAsync(string bot, string mode, LoadDriver driver)
{
    // .NET under saturating load needs tens of seconds to reach its tier-1 code: warm until two windows agree.
    var window = TimeSpan.FromSeconds(options.Quick ? 1 : 3);
    var maxWindows = options.Quick ? 2 : 12;
    double previous = 0;
    long errors = 0;
    for (var i = 0; i < maxWindows; i++)
    {
        var result = await driver.RunAsync(window);
        errors += result.Errors;
        var flat = previous > 0 && Math.Abs(result.TurnsPerSecond - previous) / previous < 0.05;
        previous = result.TurnsPerSecond;
        if (flat && i >= 2)
        {
            break;
        }
    }

    Console.WriteLine($"warmed up {bot} {mode}: {previous:F0} turns/s, {errors} errors");
}

// Samples the process's resident memory while a round runs; keeps the highest seen.
static async Task<(RoundResult Result, long PeakBytes)> Sampled(Func<Task<RoundResult>> round)
{
    long highest = 0;
    using var stop = new CancellationTokenSource();
    var sampler = Task.Run(async () =>
    {
        using var self = Process.GetCurrentProcess();
        while (!stop.IsCancellationRequested)
        {
            self.Refresh();
            highest = Math.Max(highest, self.WorkingSet64);
            await Task.Delay(100, CancellationToken.None);
        }
    });
    var result = await round();
    await stop.CancelAsync();
    await sampler;
    return (result, highest);
}

// Managed memory of the bot with SQLite state as finished conversations pile up: it must stay flat, since every
// conversation's state lives in the database, not in the process.
async Task MemoryGrowthAsync()
{
    var settings = new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite", ["Storage:DataDirectory"] = TempDirectory() };
    using var bot = new FootDropHost(settings);
    var driver = new LoadDriver(http, bot.BaseAddress, connector, true, footDropScript, options.Users);
    var batch = options.Quick ? 200 : 2000;
    var batches = options.Quick ? 2 : 4;
    Console.WriteLine();
    Console.WriteLine($"Memory with SQLite state as finished conversations pile up (expectReplies, {options.Users} users, {footDropScript.Turns.Count} turns each):");
    Console.WriteLine("| finished conversations | managed heap after full GC, MB | process RSS, MB | errors |");
    Console.WriteLine("| ---: | ---: | ---: | ---: |");
    for (var i = 1; i <= batches + 1; i++)
    {
        var result = await driver.RunConversationsAsync(batch);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var self = Process.GetCurrentProcess();
        Console.WriteLine($"| {i * batch} | {heap / (1024.0 * 1024):F1} | {self.WorkingSet64 / (1024 * 1024)} | {result.Errors} |");
    }
}

// Runs a script once per delivery mode against its bot before anything is measured. A script that no longer matches
// its bot (changed content, a changed dialog) would measure something else, so the run stops and says where.
async Task<string?> CheckScriptAsync(Uri target, Script script)
{
    foreach (var expectReplies in new[] { true, false })
    {
        var result = await new LoadDriver(http, target, connector, expectReplies, script, 1).RunOnceAsync();
        if (result.Errors > 0 || result.Turns != script.Turns.Count)
        {
            var error = result.Samples?.FirstOrDefault();
            return $"The {script.Name} script is off its bot ({(expectReplies ? "expectReplies" : "normal delivery")}): "
                + (error is null ? $"{result.Turns} of {script.Turns.Count} turns answered." : $"turn {error.Turn} \"{error.Sent ?? "(join)"}\" expected \"{error.Expected}\"; {error.Got}");
        }
    }

    return null;
}

static string LogLevels(IConfiguration configuration)
    => string.Join(", ", configuration.GetSection("Logging:LogLevel").GetChildren().OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));

static string TempDirectory() => Path.Combine(Path.GetTempPath(), "footdrop-bench-" + Guid.NewGuid().ToString("N"));

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
        Environment = { ["Storage__Provider"] = "Memory", ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Bot__AllowAnonymous"] = "true" },
    };
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;

    // Read what it logs at the shipped levels, so a full pipe never holds it up.
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, _) => { };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    try
    {
        var target = new Uri($"http://127.0.0.1:{port}");
        var join = new LoadDriver(http, target, connector, true, new Script("cold", [footDropScript.Turns[0]], footDropScript.Never), 1);
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

internal sealed record Row(string Bot, string Mode, string Storage, double TurnsPerSecond, double P50, double P95, double P99, long Errors, double CpuMsPerTurn, double? Ratio, double PostsPerTurn, IReadOnlyList<TurnError> Samples, double? StateBytes = null, long PeakMb = 0)
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
        var samples = rounds.SelectMany(r => r.Samples ?? []).Take(3).ToList();
        return new Row(bot, mode, storage, tps, Percentile(0.5), Percentile(0.95), Percentile(0.99), rounds.Sum(r => r.Errors), cpu, baseline is null ? null : tps / baseline.TurnsPerSecond, posts, samples);
    }
}
